#!/usr/bin/env bash
# Installs the peers the benchmark measures planlint against, once, cached outside the repository:
# yaml-language-server and the Spectral CLI (pinned as in ../shared/tools/peerbench). Prints the
# yaml-language-server script's path, then the Spectral CLI's.
# Only `npm run bench` uses it; the tests do not.
set -euo pipefail
CACHE="${PLANLINT_BENCH_CACHE:-$HOME/.cache/planlint-bench}"
YLS_VERSION="1.25.0"
SPECTRAL_VERSION="6.16.3"
MARKER="$CACHE/.installed-yls-$YLS_VERSION-spectral-$SPECTRAL_VERSION"
if [ ! -f "$MARKER" ]; then
  mkdir -p "$CACHE"
  printf '{ "name": "planlint-bench-peers", "private": true }\n' > "$CACHE/package.json"
  (cd "$CACHE" && npm i --no-audit --no-fund "yaml-language-server@$YLS_VERSION" "@stoplight/spectral-cli@$SPECTRAL_VERSION" >&2)
  touch "$MARKER"
fi
echo "$CACHE/node_modules/yaml-language-server/bin/yaml-language-server"
echo "$CACHE/node_modules/@stoplight/spectral-cli/dist/index.js"
