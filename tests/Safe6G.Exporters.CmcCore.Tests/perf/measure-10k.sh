#!/usr/bin/env bash
# Issue 5 performance figures: the CMC exporter against the CNC simulator with N UEs (default 10000).
# Prints the wall time of each /metrics scrape (curl time_total), the series count, and the exporter's
# RSS (VmRSS, VmHWM) after the scrapes. Usage: measure-10k.sh [UES] [SCRAPES] [Debug|Release]
set -euo pipefail
ues="${1:-10000}"; scrapes="${2:-20}"; conf="${3:-Release}"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
dll="$root/collector/Safe6G.Collector/bin/$conf/net10.0/safe6g.dll"
[[ -f "$dll" ]] || { echo "build first: dotnet build -c $conf collector/Safe6G.Collector" >&2; exit 1; }
tmp="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
sim_port="$(port)"; exp_port="$(port)"
dotnet "$dll" sim cnc --scale "$ues" --listen "127.0.0.1:$sim_port" > "$tmp/sim.log" 2>&1 & pids+=($!)
cat > "$tmp/cmc.yml" <<YAML
scrape: {cache_ttl: 0s}
cores:
  - {name: lab, url: "http://127.0.0.1:$sim_port/api/v1.0"}
YAML
dotnet "$dll" exporter cmc --config "$tmp/cmc.yml" --listen "127.0.0.1:$exp_port" > "$tmp/exp.log" 2>&1 & exp=$!; pids+=($exp)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$exp_port/-/ready" >/dev/null && curl -sf "http://127.0.0.1:$sim_port/api/v1.0/cnc-subscriber-management/total-count" >/dev/null && break; sleep 0.2; done
echo "UEs=$ues scrapes=$scrapes configuration=$conf"
times=()
for i in $(seq "$scrapes"); do
  t="$(curl -s -o "$tmp/body" -w '%{time_total}' "http://127.0.0.1:$exp_port/metrics")"
  times+=("$t")
done
grep -q 'cmc_up{source="lab"} 1' "$tmp/body" || { echo "cmc_up is not 1:"; grep cmc_up "$tmp/body"; tail "$tmp/exp.log"; exit 1; }
echo "series in last scrape: $(grep -vc '^#' "$tmp/body")  per-UE uplink series: $(grep -c '^cmc_ue_uplink_bytes_total{' "$tmp/body")"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "scrape wall time s: first-run-included min %.3f median %.3f p90 %.3f max %.3f\n", a[1], a[int((NR+1)/2)], a[int(NR*0.9)], a[NR]}'
echo "first scrape (cold JIT): ${times[0]} s"
grep -E 'VmRSS|VmHWM' "/proc/$exp/status"
echo "private (anonymous) memory right after: $(awk '/^Anonymous/ {print $2}' "/proc/$exp/smaps_rollup") kB"
sleep 3   # scrape.return_memory_after (2 s) gives the spare heap back between scrapes
echo "3 s after the last scrape: $(grep VmRSS "/proc/$exp/status" | tr -s ' \t' ' '), anonymous $(awk '/^Anonymous/ {print $2}' "/proc/$exp/smaps_rollup") kB"
