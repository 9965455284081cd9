#!/usr/bin/env bash
# One scrape of 10,000 IEs plus services: two simulated domains of 5,000 IEs, a federated Data Fabric
# exporter on the entrypoint. Prints wall time per scrape and the exporter's peak RSS.
# Usage: bench/scripts/datafabric-10k.sh [ies_per_domain=5000] [scrapes=5]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
per=${1:-5000}; scrapes=${2:-5}
"$root/safe6g" --version >/dev/null
safe6g=(dotnet "$root/collector/Safe6G.Collector/bin/Release/net10.0/safe6g.dll")
work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_ok() { for _ in $(seq 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "not ready: $1"; exit 1; }

p2=$(free_port); p1=$(free_port); pe=$(free_port)
"${safe6g[@]}" sim orion --listen "127.0.0.1:$p2" --domain ncsrd --scale "$per" >"$work/ncsrd.log" 2>&1 & pids+=($!)
"${safe6g[@]}" sim orion --listen "127.0.0.1:$p1" --domain upv --scale "$per" --peer "http://127.0.0.1:$p2" >"$work/upv.log" 2>&1 & pids+=($!)
wait_ok "http://127.0.0.1:$p2/version"; wait_ok "http://127.0.0.1:$p1/version"
printf 'brokers:\n  - {name: continuum, url: "http://127.0.0.1:%s", local: false, timeout: 60s}\nscrape: {timeout: 60s, cache_ttl: 0s}\n' "$p1" > "$work/df.yml"
"${safe6g[@]}" exporter datafabric --config "$work/df.yml" --listen "127.0.0.1:$pe" 2>"$work/df.log" & pids+=($!); epid=$!
wait_ok "http://127.0.0.1:$pe/-/ready"
for i in $(seq "$scrapes"); do
  t=$(curl -s -o "$work/body" -w '%{time_total}' "http://127.0.0.1:$pe/metrics")
  ies=$(grep -c '^datafabric_infrastructure_element_info{' "$work/body" || true)
  up=$(grep '^datafabric_up{' "$work/body" | awk '{print $2}')
  echo "scrape $i: ${t}s, up=$up, ies=$ies, $(wc -c <"$work/body") bytes"
done
echo "exporter RSS now $(( $(awk '/VmRSS/ {print $2}' /proc/$epid/status) / 1024 )) MB, peak $(( $(awk '/VmHWM/ {print $2}' /proc/$epid/status) / 1024 )) MB"
sleep 3   # scrape.return_memory_after (2 s) gives the spare heap back between scrapes
echo "3 s after the last scrape: RSS $(( $(awk '/VmRSS/ {print $2}' /proc/$epid/status) / 1024 )) MB, private (anonymous) $(( $(awk '/^Anonymous/ {print $2}' /proc/$epid/smaps_rollup) / 1024 )) MB"
