#!/usr/bin/env bash
# Installs CongoDB (the pure-TypeScript MongoDB wire server inside @push.rocks/smartmongo 2.2.0) for the
# Mongo sink tests, the way ../shared/research/feasibility.md §4 found to work: a plain
# `npm install @push.rocks/smartmongo@2.2.0` fails (ETARGET on lik/smartfs), so install its real
# dependencies pinned and drop the 2.2.0 tarball in by hand. Idempotent; ~5 s with a warm npm cache.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
if [[ -f node_modules/@push.rocks/smartmongo/dist_ts/congodb/index.js ]]; then
  echo "CongoDB already installed in $here/node_modules"
  exit 0
fi
command -v npm >/dev/null || { echo "npm is required to install CongoDB (apt-get install npm)" >&2; exit 1; }
export MONGOMS_DISABLE_POSTINSTALL=1
[[ -f package.json ]] || echo '{"name":"safe6g-congodb","private":true,"type":"module"}' > package.json
npm install --no-audit --no-fund --ignore-scripts \
  @push.rocks/smartfs@1.5.0 @push.rocks/smartpath @push.rocks/smartpromise @push.rocks/smartrx bson@6 mingo@7 mongodb@6
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @push.rocks/smartmongo@2.2.0 >/dev/null)
mkdir -p node_modules/@push.rocks/smartmongo
tar xzf "$tmp"/push.rocks-smartmongo-2.2.0.tgz --strip-components=1 -C node_modules/@push.rocks/smartmongo
test -f node_modules/@push.rocks/smartmongo/dist_ts/congodb/index.js
echo "CongoDB installed in $here/node_modules"
