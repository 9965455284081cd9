#!/usr/bin/env bash
# 100 targets probed at once: `safe6g sim snmp --scale 100` (100 simulated gNBs, one UDP agent each),
# scraped with module baicells_qrtb by `safe6g exporter gnb` and by prometheus-snmp-exporter 0.21
# (same six subtrees). Each round fires one scrape per target concurrently (curl via xargs -P);
# prints p50/p99/max scrape time per exporter over all rounds, and how many probes succeeded.
# No timing assertions. Needs: a built safe6g (Release preferred), prometheus-snmp-exporter, curl, python3.
# Usage: bench/gnb/probe-100-targets.sh [targets=100] [rounds=5]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGETS="${1:-100}"; ROUNDS="${2:-5}"
DLL="${SAFE6G_DLL:-}"
if [[ -z "$DLL" ]]; then
  for c in Release Debug; do f="$ROOT/collector/Safe6G.Collector/bin/$c/net10.0/safe6g.dll"; [[ -f "$f" ]] && { DLL="$f"; break; }; done
fi
[[ -n "$DLL" && -f "$DLL" ]] || { echo "safe6g.dll not built" >&2; exit 2; }
WORK="$(mktemp -d /tmp/safe6g-gnb-100.XXXXXX)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

dotnet "$DLL" sim snmp --listen 127.0.0.1:0 --scale "$TARGETS" --seed 1 >"$WORK/sim.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do [[ $(grep -c 'listening on udp://' "$WORK/sim.log" || true) -ge "$TARGETS" ]] && break; sleep 0.2; done
grep -o 'udp://127.0.0.1:[0-9]*' "$WORK/sim.log" | sed 's|udp://||' >"$WORK/targets.txt"
[[ $(wc -l <"$WORK/targets.txt") -eq "$TARGETS" ]] || { echo "simulator did not start $TARGETS agents"; cat "$WORK/sim.log"; exit 1; }

OURS_PORT=$(free_port); THEIRS_PORT=$(free_port)
printf 'scrape: {timeout: 30s, max_concurrency: 256, cache_ttl: 0s}\n' >"$WORK/ours.yml"   # shipped auths/modules
B=1.3.6.1.4.1.53058
cat >"$WORK/snmp.yml" <<YML
baicells_qrtb:
  version: 2
  auth: {community: public}
  walk: [$B.100, $B.140.100, $B.150, $B.160, $B.190, $B.270.1]
  max_repetitions: 25
  retries: 3
  timeout: 5s
  metrics:
    - {name: gnb_cell_connected_ues, oid: $B.100.11, type: gauge, help: x, indexes: [{labelname: cell, type: gauge}]}
    - {name: gnb_cell_downlink_prb, oid: $B.190.10, type: gauge, help: x, indexes: [{labelname: cell, type: gauge}]}
YML
dotnet "$DLL" exporter gnb --config "$WORK/ours.yml" --listen "127.0.0.1:$OURS_PORT" >"$WORK/ours.log" 2>&1 &
PIDS+=($!)
prometheus-snmp-exporter --config.file="$WORK/snmp.yml" --web.listen-address="127.0.0.1:$THEIRS_PORT" >"$WORK/theirs.log" 2>&1 &
PIDS+=($!)
for url in "http://127.0.0.1:$OURS_PORT/-/ready" "http://127.0.0.1:$THEIRS_PORT/"; do
  for _ in $(seq 100); do curl -sf -o /dev/null "$url" && break; sleep 0.2; done
done

run() { # name url-prefix ok-pattern
  : >"$WORK/$1.times"; local ok=0
  for t in $(head -3 "$WORK/targets.txt"); do curl -sf -o /dev/null "$2$t"; done   # warm-up
  for _ in $(seq "$ROUNDS"); do
    xargs -P "$TARGETS" -I{} sh -c "curl -s -o '$WORK/$1.{}.out' -w '%{time_total}\n' '$2{}'" <"$WORK/targets.txt" >>"$WORK/$1.times"
    ok=$((ok + $(cat "$WORK/$1".*.out | grep -c "$3" || true)))
    rm -f "$WORK/$1".*.out
  done
  sort -n "$WORK/$1.times" | awk -v n="$1" -v ok="$ok" -v total="$((TARGETS * ROUNDS))" \
    '{a[NR]=$1*1000} END {printf "%-22s probes %d, ok %d   p50 %.1f ms   p99 %.1f ms   max %.1f ms\n", n, NR, ok, a[int(NR*0.5+0.5)], a[int(NR*0.99+0.5)], a[NR]}'
}
echo "$TARGETS simulated gNBs, $ROUNDS rounds of $TARGETS concurrent probes (module baicells_qrtb)"
run "safe6g exporter gnb" "http://127.0.0.1:$OURS_PORT/probe?module=baicells_qrtb&target=" '^gnb_up 1'
run "snmp_exporter 0.21" "http://127.0.0.1:$THEIRS_PORT/snmp?module=baicells_qrtb&target=" '^snmp_scrape_pdus_returned'
echo "(safe6g: $DLL)"
