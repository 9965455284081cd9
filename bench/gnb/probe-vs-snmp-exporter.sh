#!/usr/bin/env bash
# Side by side on ONE real snmpd: `safe6g exporter gnb` (/probe) vs prometheus-snmp-exporter 0.21 (/snmp),
# same OIDs, same max-repetitions (25), same metric names for the bench module, so the outputs can be
# compared value for value before timing them.
#   bench_table   : a 1,000-row table (3 walked columns = 3,000 varbinds, one of them also the lookup; issue 4's
#                   "full scrape" case).
# By default snmpd serves all of it from static `override` lines, in C (a walk of the table costs the agent ~20 ms),
# so the exporters' own work is what is compared. TABLE_AGENT=passpersist serves it from the Safe6G.Snmp tests'
# pass_persist script instead (one Python round trip per varbind, ~0.4 s of agent time both exporters wait on;
# the setup of the 2026-12-03 figures).
#   baicells_qrtb : the shipped Baicells module (6 subtrees walked in parallel by us, in sequence by 0.21)
# Reports, per exporter and module: sequential scrape wall time (median, p90 of N curls) and wrk req/s
# with latency percentiles. No pass/fail on timings; it fails only if the values differ.
# Needs: snmpd, snmp, python3, prometheus-snmp-exporter, curl, wrk, a built safe6g (Release preferred).
# Usage: bench/gnb/probe-vs-snmp-exporter.sh [sequential-scrapes=30] [wrk-seconds=10] [wrk-connections=4]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${1:-30}"; WRK_SECONDS="${2:-10}"; WRK_CONN="${3:-4}"
DLL="${SAFE6G_DLL:-}"
if [[ -z "$DLL" ]]; then
  for c in Release Debug; do
    f="$ROOT/collector/Safe6G.Collector/bin/$c/net10.0/safe6g.dll"
    [[ -f "$f" ]] && { DLL="$f"; break; }
  done
fi
[[ -n "$DLL" && -f "$DLL" ]] || { echo "safe6g.dll not built (dotnet build -c Release collector/Safe6G.Collector)" >&2; exit 2; }
for b in snmpd python3 prometheus-snmp-exporter curl wrk; do command -v "$b" >/dev/null || { echo "missing $b" >&2; exit 2; }; done
PASS_TABLE="$ROOT/tests/Safe6G.Snmp.Tests/Integration/baicells_passpersist.py"
[[ -f "$PASS_TABLE" ]] || { echo "missing $PASS_TABLE" >&2; exit 2; }

WORK="$(mktemp -d /tmp/safe6g-gnb-bench.XXXXXX)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM if sys.argv[1]=="udp" else socket.SOCK_STREAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }

SNMP_PORT=$(free_port udp); OURS_PORT=$(free_port tcp); THEIRS_PORT=$(free_port tcp)
mkdir -p "$WORK/persist"
TABLE_AGENT="${TABLE_AGENT:-override}"
cat > "$WORK/snmpd.conf" <<CONF
rocommunity public 127.0.0.1
dontLogTCPWrappersConnects yes
CONF
if [[ "$TABLE_AGENT" == passpersist ]]; then
  echo "pass_persist .1.3.6.1.4.1.53058 $(command -v python3) $PASS_TABLE 1000" >>"$WORK/snmpd.conf"
else
  # The pass_persist script's data (the Baicells subtrees and the 1,000-row table) as static override lines that
  # snmpd answers in C. override has no Counter64, so 64-bit counters below 2^32 become Counter32 and the
  # rest (type-coverage objects no bench module walks) are left out.
  python3 - "$PASS_TABLE" >>"$WORK/snmpd.conf" <<'PY'
import importlib.util, sys
path = sys.argv[1]
sys.argv = [path, "1000"]
spec = importlib.util.spec_from_file_location("agent", path)
agent = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agent)
kinds = {"string": "octet_str", "integer": "integer", "gauge": "unsigned", "counter": "counter", "counter64": "counter"}
for oid, (kind, value) in sorted(agent.DATA.items()):
    if kind not in kinds or (kind.startswith("counter") and int(value) >= 2 ** 32):
        continue
    text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"' if kind == "string" else value
    print("override ." + ".".join(map(str, oid)), kinds[kind], text)
PY
fi
echo "bench_table agent: $TABLE_AGENT"
MIBS= SNMP_PERSISTENT_DIR="$WORK/persist" snmpd -f -Lo -C -c "$WORK/snmpd.conf" "udp:127.0.0.1:$SNMP_PORT" >"$WORK/snmpd.log" 2>&1 &
PIDS+=($!)

T=1.3.6.1.4.1.53058.900.1.1
cat > "$WORK/ours.yml" <<YML
scrape: {timeout: 30s, cache_ttl: 0s}
auths:
  public_v2: {version: 2, community: public}
modules:
  bench_table:
    walk: [$T.2, $T.3, $T.4]
    max_repetitions: 25
    retries: 3
    timeout: 5s
    metrics:
      - {name: gnb_bench_ue_gauge, oid: $T.3, type: gauge, help: bench gauge, indexes: [{labelname: row, type: gauge}], lookups: [{labels: [row], labelname: ue, oid: $T.2, type: DisplayString}]}
      - {name: gnb_bench_ue_octets_total, oid: $T.4, type: counter, help: bench counter, indexes: [{labelname: row, type: gauge}], lookups: [{labels: [row], labelname: ue, oid: $T.2, type: DisplayString}]}
YML
# our shipped baicells_qrtb module, appended to the bench config
python3 - "$ROOT/exporters/Safe6G.Exporters.Gnb/gnb.yml" >>"$WORK/ours.yml" <<'PY'
import sys
text = open(sys.argv[1]).read()
start = text.index("  baicells_qrtb:")
end = text.index("  baicells_rts:")
print(text[start:end], end="")
PY
cat > "$WORK/snmp.yml" <<YML
bench_table:
  version: 2
  auth: {community: public}
  walk: [$T.2, $T.3, $T.4]
  max_repetitions: 25
  retries: 3
  timeout: 5s
  metrics:
    - {name: gnb_bench_ue_gauge, oid: $T.3, type: gauge, help: bench gauge, indexes: [{labelname: row, type: gauge}], lookups: [{labels: [row], labelname: ue, oid: $T.2, type: DisplayString}]}
    - {name: gnb_bench_ue_octets_total, oid: $T.4, type: counter, help: bench counter, indexes: [{labelname: row, type: gauge}], lookups: [{labels: [row], labelname: ue, oid: $T.2, type: DisplayString}]}
baicells_qrtb:
  version: 2
  auth: {community: public}
  walk: [1.3.6.1.4.1.53058.100, 1.3.6.1.4.1.53058.140.100, 1.3.6.1.4.1.53058.150, 1.3.6.1.4.1.53058.160, 1.3.6.1.4.1.53058.190, 1.3.6.1.4.1.53058.270.1]
  max_repetitions: 25
  retries: 3
  timeout: 5s
  metrics:
    - {name: gnb_cell_connected_ues, oid: 1.3.6.1.4.1.53058.100.11, type: gauge, help: x, indexes: [{labelname: cell, type: gauge}]}
    - {name: gnb_cell_earfcn, oid: 1.3.6.1.4.1.53058.100.8, type: gauge, help: x, indexes: [{labelname: cell, type: gauge}]}
    - {name: gnb_cell_pci, oid: 1.3.6.1.4.1.53058.100.12, type: gauge, help: x, indexes: [{labelname: cell, type: gauge}]}
YML

dotnet "$DLL" exporter gnb --config "$WORK/ours.yml" --listen "127.0.0.1:$OURS_PORT" >"$WORK/ours.log" 2>&1 &
PIDS+=($!)
prometheus-snmp-exporter --config.file="$WORK/snmp.yml" --web.listen-address="127.0.0.1:$THEIRS_PORT" >"$WORK/theirs.log" 2>&1 &
PIDS+=($!)
for url in "http://127.0.0.1:$OURS_PORT/-/ready" "http://127.0.0.1:$THEIRS_PORT/"; do
  for _ in $(seq 100); do curl -sf -o /dev/null "$url" && break; sleep 0.2; done
done
for _ in $(seq 100); do MIBS= SNMP_PERSISTENT_DIR="$WORK/c" snmpget -v2c -c public -t 0.2 -r 0 "127.0.0.1:$SNMP_PORT" 1.3.6.1.4.1.53058.100.1.0 >/dev/null 2>&1 && break; sleep 0.2; done

OURS="http://127.0.0.1:$OURS_PORT/probe?target=127.0.0.1:$SNMP_PORT&auth=public_v2&module="
THEIRS="http://127.0.0.1:$THEIRS_PORT/snmp?target=127.0.0.1:$SNMP_PORT&module="

# 1. Same values: the bench table must match line for line (same names, labels and values).
values() { curl -sf "$1" | grep -E '^gnb_bench_' | sed -E 's/\} ([0-9.e+]+)$/} \1/' | sort; }
values "${OURS}bench_table" >"$WORK/ours.txt"; values "${THEIRS}bench_table" >"$WORK/theirs.txt"
if ! diff -q <(python3 -c 'import sys
for l in open(sys.argv[1]):
    k,v=l.rsplit(" ",1); print(k, float(v))' "$WORK/ours.txt" | sort) <(python3 -c 'import sys
for l in open(sys.argv[1]):
    k,v=l.rsplit(" ",1); print(k, float(v))' "$WORK/theirs.txt" | sort) >/dev/null; then
  echo "VALUES DIFFER between the exporters:"; diff "$WORK/ours.txt" "$WORK/theirs.txt" | head -20; exit 1
fi
echo "bench_table: $(wc -l <"$WORK/ours.txt") series, identical values in both exporters"
for c in 1 2; do
  o=$(curl -sf "${OURS}baicells_qrtb" | grep -E "^gnb_cell_connected_ues\{cell=\"$c\"" | awk '{print $NF}')
  t=$(curl -sf "${THEIRS}baicells_qrtb" | grep -E "^gnb_cell_connected_ues\{cell=\"$c\"" | awk '{print $NF}')
  [[ "$o" == "$t" ]] || { echo "baicells_qrtb cell $c: ours $o, snmp_exporter $t"; exit 1; }
done
echo "baicells_qrtb: connected UEs per cell identical"

# 2. Sequential full scrapes (wall time of one /probe vs one /snmp), after a warm-up.
seq_times() { # url -> "median p90" in ms
  for _ in 1 2 3; do curl -sf -o /dev/null "$1"; done
  for _ in $(seq "$N"); do curl -sf -o /dev/null -w '%{time_total}\n' "$1"; done | sort -n |
    awk '{a[NR]=$1*1000} END {printf "%.1f %.1f", a[int((NR+1)/2)], a[int(NR*0.9+0.5)]}'
}
# 3. wrk: requests/s and latency with WRK_CONN concurrent scrapers (singleflight/cache off: cache_ttl 0s,
#    but concurrent scrapes of the same target still share one walk in ours; snmp_exporter walks each).
wrk_line() { wrk -t1 -c"$WRK_CONN" -d"${WRK_SECONDS}s" --latency "$1" 2>/dev/null |
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {err=$NF} END {printf "%s req/s  p50 %s  p99 %s%s", rps, p50, p99, (err ? "  non-2xx " err : "")}'; }

printf "\n%-14s %-14s %22s   %s\n" module exporter "sequential median/p90" "wrk (-c$WRK_CONN, ${WRK_SECONDS}s)"
for m in bench_table baicells_qrtb; do
  read -r om op <<<"$(seq_times "${OURS}$m")"
  read -r tm tp <<<"$(seq_times "${THEIRS}$m")"
  printf "%-14s %-14s %12s / %-7s   %s\n" "$m" "safe6g gnb" "${om}ms" "${op}ms" "$(wrk_line "${OURS}$m")"
  printf "%-14s %-14s %12s / %-7s   %s\n" "$m" "snmp_exp 0.21" "${tm}ms" "${tp}ms" "$(wrk_line "${THEIRS}$m")"
  awk -v o="$om" -v t="$tm" -v m="$m" 'BEGIN {printf "%-14s ratio ours/snmp_exporter (median wall time): %.2f\n", m, o/t}'
done
echo "(safe6g: $DLL)"
