#!/usr/bin/env bash
# Side by side, same run: /metrics of `safe6g exporter example` (10,000 series) against
# prometheus-node-exporter serving the same 10,000 series through its textfile collector.
# Prints requests/s for both (wrk) and the exporter's RSS after 1,000 scrapes.
# Usage: bench/scripts/metrics-vs-node-exporter.sh [series=10000] [duration=15s] [connections=4]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
series=${1:-10000}; duration=${2:-15s}; connections=${3:-4}
for bin in wrk prometheus-node-exporter curl; do command -v "$bin" >/dev/null || { echo "missing $bin (apt-get install wrk prometheus-node-exporter curl)"; exit 1; }; done
work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

"$root/safe6g" --version >/dev/null   # builds Release if stale
safe6g=(dotnet "$root/collector/Safe6G.Collector/bin/Release/net10.0/safe6g.dll")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

run_exporter() { # name cache_ttl
  local port; port=$(free_port)
  printf 'series: %s\nfamilies: 10\nlabel_cardinality: 100\nchurn: 0.1\nscrape:\n  cache_ttl: %s\n' "$series" "$2" > "$work/$1.yml"
  "${safe6g[@]}" exporter example --config "$work/$1.yml" --listen "127.0.0.1:$port" 2>"$work/$1.log" >/dev/null &
  echo "$port $!"
}
wait_ok() { for _ in $(seq 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "not ready: $1"; exit 1; }
rps() { wrk -t2 -c"$connections" -d"$duration" "$1" | awk '/Requests\/sec/ {print $2}'; }

read -r ex_port ex_pid < <(run_exporter nocache 0s); pids+=("$ex_pid"); wait_ok "http://127.0.0.1:$ex_port/metrics"
read -r exc_port exc_pid < <(run_exporter cached 1s); pids+=("$exc_pid"); wait_ok "http://127.0.0.1:$exc_port/metrics"

# The same 10,000 series for node_exporter, taken from the exporter's own output.
mkdir -p "$work/textfile"
curl -s "http://127.0.0.1:$ex_port/metrics" | grep -E '^(# (HELP|TYPE) )?example_synthetic_' > "$work/textfile/example.prom"
ne_port=$(free_port)
prometheus-node-exporter --web.listen-address="127.0.0.1:$ne_port" --collector.disable-defaults \
  --collector.textfile --collector.textfile.directory="$work/textfile" 2>"$work/ne.log" &
pids+=($!); ne_pid=$!
wait_ok "http://127.0.0.1:$ne_port/metrics"
ne_series=$(curl -s "http://127.0.0.1:$ne_port/metrics" | grep -c '^example_synthetic_')

# Warm up both, then measure one after the other in the same run.
wrk -t1 -c1 -d3s "http://127.0.0.1:$ex_port/metrics" >/dev/null
wrk -t1 -c1 -d3s "http://127.0.0.1:$ne_port/metrics" >/dev/null
ne_rps=$(rps "http://127.0.0.1:$ne_port/metrics")
ex_rps=$(rps "http://127.0.0.1:$ex_port/metrics")
exc_rps=$(rps "http://127.0.0.1:$exc_port/metrics")

# RSS after 1,000 scrapes of 10,000 series (cache off: every scrape rebuilds and serializes).
read -r rss_port rss_pid < <(run_exporter rss 0s); pids+=("$rss_pid"); wait_ok "http://127.0.0.1:$rss_port/metrics"
for _ in $(seq 1000); do curl -s -o /dev/null "http://127.0.0.1:$rss_port/metrics"; done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$rss_pid/status"); hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$rss_pid/status")
ne_rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$ne_pid/status")
# What the exporter holds between scrapes: scrape.return_memory_after (2 s) gives spare heap back after large scrapes.
anon() { awk '/^Anonymous/ {print $2}' "/proc/$1/smaps_rollup"; }
rss_anon_kb=$(anon "$rss_pid")
sleep 3
idle_kb=$(awk '/VmRSS/ {print $2}' "/proc/$rss_pid/status"); idle_anon_kb=$(anon "$rss_pid")

echo "series=$series (node_exporter serves $ne_series) duration=$duration connections=$connections"
printf '%-46s %10s req/s\n' "prometheus-node-exporter (textfile)" "$ne_rps"
printf '%-46s %10s req/s  ratio %.2f\n' "safe6g exporter example (cache_ttl 0s)" "$ex_rps" "$(echo "$ex_rps / $ne_rps" | bc -l)"
printf '%-46s %10s req/s  ratio %.2f\n' "safe6g exporter example (cache_ttl 1s)" "$exc_rps" "$(echo "$exc_rps / $ne_rps" | bc -l)"
printf 'RSS after 1000 scrapes: safe6g %d MB (peak %d MB); node_exporter %d MB\n' $((rss_kb / 1024)) $((hwm_kb / 1024)) $((ne_rss_kb / 1024))
printf 'safe6g RSS 3 s after the last scrape: %d MB; private (anonymous) memory %d MB right after, %d MB 3 s later; the rest is mapped framework files\n' \
  $((idle_kb / 1024)) $((rss_anon_kb / 1024)) $((idle_anon_kb / 1024))
