#!/usr/bin/env bash
# Gateway overhead, side by side in one run: the same instant query (enforced for tenant upv by the gateway) sent
# with wrk to Prometheus directly and to /thanos/api/v1/query; then a dataset export to Parquet in samples/s.
# Usage: bench/gateway/side-by-side.sh [DURATION_SECONDS] [CONNECTIONS] [ROUNDS]
# On a shared VM single rounds swing by ±0.2 ms: take 5+ rounds and read the medians printed at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-10}"
connections="${2:-8}"
rounds="${3:-2}"
work="$(mktemp -d /tmp/safe6g-bench-gateway.XXXXXX)"
pids=()
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"
}
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_ready() { for _ in $(seq 1 300); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "not ready: $1" >&2; exit 1; }

# 1. Prometheus with two tenants' data: 2 h at 15 s, 20 series per domain, backfilled with promtool.
end=$(( $(date +%s) / 60 * 60 - 3600 ))
python3 - "$end" > "$work/series.om" <<'PY'
import sys
end = int(sys.argv[1]); start = end - 7200
out = []
for dom, base in (("upv", 5), ("ncsrd", 100)):
    for cell in range(20):
        for t in range(start, end + 1, 15):
            out.append(f'gnb_ue_connected{{domain="{dom}",cell="c{cell}"}} {base + cell} {t}')
out.sort(key=lambda l: l.split(' ')[0])
sys.stdout.write("\n".join(out) + "\n# EOF\n")
PY
mkdir -p "$work/data"
promtool tsdb create-blocks-from openmetrics --quiet "$work/series.om" "$work/data" >/dev/null
echo 'scrape_configs: []' > "$work/prometheus.yml"
pport=$(port)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" --storage.tsdb.retention.time=100y \
  --web.listen-address="127.0.0.1:$pport" >"$work/prometheus.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$pport/-/ready"

# 2. Gateway (Release build via the wrapper) with demo keys.
"$root/safe6g" gateway demo-keys --out "$work/keys" >/dev/null
cat > "$work/gateway.yml" <<YAML
thanos:
  url: http://127.0.0.1:$pport
auth:
  jwks_file: $work/keys/jwks.json
  issuer: safe6g-demo
  audiences: [safe6g-gateway]
tenants:
  upv:
    matchers: ['domain="upv"']
logging:
  level: warning
YAML
gport=$(port)
"$root/safe6g" gateway --config "$work/gateway.yml" --listen "127.0.0.1:$gport" >"$work/gateway.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$gport/-/ready"
token=$("$root/safe6g" gateway token --key "$work/keys/signing-key.pem" --tenant upv)

# 3. Same answer on both paths: the gateway adds domain="upv"; the direct query names it itself.
q_gw=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' 'sum by (cell) (rate(gnb_ue_connected[5m]))')
q_direct=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' 'sum by (cell) (rate(gnb_ue_connected{domain="upv"}[5m]))')
direct_url="http://127.0.0.1:$pport/api/v1/query?query=$q_direct&time=$end"
gw_url="http://127.0.0.1:$gport/thanos/api/v1/query?query=$q_gw&time=$end"
[ "$(curl -fs "$direct_url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]["result"]))')" = 20 ]
[ "$(curl -fs -H "Authorization: Bearer $token" "$gw_url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]["result"]))')" = 20 ]

# 2b. The floor of any proxy hop: nginx passing the direct query through unchanged (no auth, no parsing), when
# nginx is installed (apt-get install nginx-light). Not a test peer; the row is left out without it.
nginx_url=""
if command -v nginx >/dev/null 2>&1; then
  nport=$(port)
  cat > "$work/nginx.conf" <<NGINX
daemon on; worker_processes 1; pid $work/nginx.pid; error_log $work/nginx.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $work/nginx-tmp; proxy_temp_path $work/nginx-tmp;
  upstream prometheus { server 127.0.0.1:$pport; keepalive 8; }
  server { listen 127.0.0.1:$nport; location / { proxy_pass http://prometheus; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
NGINX
  mkdir -p "$work/nginx-tmp"
  nginx -c "$work/nginx.conf" && nginx_url="http://127.0.0.1:$nport/api/v1/query?query=$q_direct&time=$end"
fi

run() { wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${duration}s" --latency "$@" | awk '/^ +50%/{p50=$2} /^ +99%/{p99=$2} /Requests\/sec/{rps=$2} END{print p50, p99, rps}'; }
ms() { python3 -c 'import sys; v=sys.argv[1]; u={"us":1e-3,"ms":1,"s":1e3}; n=v.rstrip("usm"); print(float(n)*u[v[len(n):]])' "$1"; }
curl -fs "$direct_url" >/dev/null; curl -fs -H "Authorization: Bearer $token" "$gw_url" >/dev/null   # warm up
run "$direct_url" >/dev/null; run -H "Authorization: Bearer $token" "$gw_url" >/dev/null            # JIT + caches
[ -z "$nginx_url" ] || run "$nginx_url" >/dev/null
echo "query: sum by (cell) (rate(gnb_ue_connected[5m]))  wrk -c$connections -d${duration}s, rounds alternate direct/gateway"
printf '%-6s %-10s %10s %10s %10s\n' round path p50 p99 req/s
for round in $(seq 1 "$rounds"); do
  read -r d50 d99 drps <<<"$(run "$direct_url")"
  printf '%-6s %-10s %10s %10s %10s\n' "$round" direct "$d50" "$d99" "$drps"
  echo "direct $(ms "$d50")" >> "$work/p50s"
  read -r g50 g99 grps <<<"$(run -H "Authorization: Bearer $token" "$gw_url")"
  printf '%-6s %-10s %10s %10s %10s\n' "$round" gateway "$g50" "$g99" "$grps"
  echo "gateway $(ms "$g50")" >> "$work/p50s"
  if [ -n "$nginx_url" ]; then
    read -r n50 n99 nrps <<<"$(run "$nginx_url")"
    echo "nginx $(ms "$n50")" >> "$work/p50s"
    printf '%-6s %-10s %10s %10s %10s   (pass-through floor: p50 %+.3f ms over direct)\n' "$round" nginx "$n50" "$n99" "$nrps" \
      "$(python3 -c 'import sys; print(float(sys.argv[2]) - float(sys.argv[1]))' "$(ms "$d50")" "$(ms "$n50")")"
  fi
  python3 - "$(ms "$d50")" "$(ms "$g50")" "$(ms "$d99")" "$(ms "$g99")" <<'PY'
import sys
d50, g50, d99, g99 = map(float, sys.argv[1:])
print(f"       gateway overhead: p50 {100*(g50-d50)/d50:+.1f}% ({g50-d50:+.3f} ms), p99 {100*(g99-d99)/d99:+.1f}% ({g99-d99:+.3f} ms)")
PY
done
python3 - "$work/p50s" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    path, value = line.split()
    rows.setdefault(path, []).append(float(value))
d = statistics.median(rows["direct"])
parts = [f"direct {d:.3f} ms"]
for path in ("gateway", "nginx"):
    if path in rows:
        m = statistics.median(rows[path])
        parts.append(f"{path} {m:.3f} ms ({100 * (m - d) / d:+.0f}%, {m - d:+.3f} ms)")
print(f"median p50 over {len(rows['direct'])} rounds: " + "; ".join(parts))
PY

# 4. Dataset export to Parquet, dense: all 40 series over 2 h at a 1 s step (288,040 samples, 27 windows).
start_ns=$(date +%s%N)
"$root/safe6g" dataset export --source "http://127.0.0.1:$pport" --query 'gnb_ue_connected' --start $((end - 7200)) --end "$end" \
  --step 1s --format parquet --out "$work/export.parquet" --quiet 2>"$work/export.log"
elapsed_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
samples=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["samples"])' "$work/export.parquet.json")
echo "dataset export (Prometheus → Parquet, end to end incl. process start): $samples samples in ${elapsed_ms} ms = $(( samples * 1000 / elapsed_ms )) samples/s"
echo "  CLI's own split: $(tail -1 "$work/export.log" | sed 's/.*sidecar [^;]*; //')"
