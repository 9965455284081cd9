#!/usr/bin/env bash
# Installs the real test peers when missing, builds everything, runs every test project and prints
# one plain "N passed, N failed" line. Exit code is non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MIBS=

# binary:package pairs of the Debian peers the tests run for real.
peers="prometheus:prometheus promtool:prometheus prometheus-snmp-exporter:prometheus-snmp-exporter
prometheus-node-exporter:prometheus-node-exporter snmpd:snmpd snmpget:snmp snmpbulkwalk:snmp wrk:wrk chromium:chromium chromedriver:chromium-driver"

missing_packages() {
  local pkgs=""
  for pair in $peers; do
    bin=${pair%%:*}; pkg=${pair##*:}
    command -v "$bin" >/dev/null 2>&1 || [ -x "/usr/sbin/$bin" ] || [ -x "/usr/bin/$bin" ] || pkgs="$pkgs $pkg"
  done
  echo "$pkgs" | tr ' ' '\n' | sort -u | tr '\n' ' '
}

need=$(missing_packages)
if [ -n "${need// /}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing test peers:$need" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need) >&2 \
      || echo "test.sh: apt-get install failed" >&2
  fi
  need=$(missing_packages)
  if [ -n "${need// /}" ]; then
    echo "test.sh: missing test peers (Debian packages):$need" >&2
    if [ "${CI:-}" = "true" ]; then
      echo "0 passed, 1 failed"
      exit 1
    fi
    echo "test.sh: tests that need them will fail with a message naming the package" >&2
  fi
fi

results=.test-results
rm -rf "$results"
if ! dotnet build Safe6G.sln -c Debug --nologo -v quiet -clp:"ErrorsOnly;NoSummary"; then
  echo "test.sh: build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Safe6G.sln --no-build --nologo -v quiet --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" 2>&1 | grep -vE '^\s*$|^\s*Passed [A-Za-z]' | grep -vE '^(Test run for|A total of|VSTest version|Starting test execution)' >&2
test_rc=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); passed=$((passed + ${p:-0}))
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p'); failed=$((failed + ${f:-0}))
  e=$(echo "$counters" | sed -n 's/.* error="\([0-9]*\)".*/\1/p'); failed=$((failed + ${e:-0}))
  n=$(echo "$counters" | sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p'); skipped=$((skipped + ${n:-0}))
done
# A test project that crashed writes no results: count it as a failure rather than lose it.
projects=$(grep -c '\.Tests\.csproj' Safe6G.sln)
if [ "$files" -lt "$projects" ]; then
  echo "test.sh: only $files of $projects test projects reported results" >&2
  failed=$((failed + projects - files))
fi
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
