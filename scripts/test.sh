#!/bin/sh
# `npm test` (the README's test command, and what .ci/run calls): from a fresh
# Debian or Ubuntu machine to the whole suite. It supplies what is missing,
# never skips: a project-local Node 22 when the machine's is older (fetched
# from the npm registry, whose `node` package ships the binary), and Chromium,
# Firefox ESR, PostgreSQL 15, pgTAP and poppler-utils through apt when it is root or has
# sudo; otherwise it stops at once with the exact line to run.
set -eu
cd "$(dirname "$0")/.."

NODE_VERSION=22.23.3
NODE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/incident-capture/node"

# 1. Node 22 (WXT 0.21 and Vitest 5; see scripts/check-node.mjs).
if ! node scripts/check-node.mjs >/dev/null 2>&1; then
  if [ ! -x "$NODE_DIR/node_modules/.bin/node" ]; then
    echo "test: this machine's Node is $(node --version 2>/dev/null || echo missing); installing node@$NODE_VERSION into $NODE_DIR from the npm registry"
    mkdir -p "$NODE_DIR"
    npm install --no-save --no-audit --no-fund --prefix "$NODE_DIR" "node@$NODE_VERSION"
  fi
  PATH="$NODE_DIR/node_modules/.bin:$PATH"
  export PATH
  node scripts/check-node.mjs
fi
echo "test: node $(node --version) ($(command -v node))"

# 2. Browsers and database (Debian/Ubuntu package names). The tests launch
#    /usr/lib/chromium/chromium (or $CHROMIUM_PATH) and start throwaway
#    clusters from /usr/lib/postgresql/15/bin (test/support/postgres.ts).
missing=""
[ -x "${CHROMIUM_PATH:-/usr/lib/chromium/chromium}" ] || missing="$missing chromium"
command -v firefox-esr >/dev/null 2>&1 || missing="$missing firefox-esr"
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing="$missing postgresql-15"
[ -f /usr/share/postgresql/15/extension/pgtap.control ] || missing="$missing postgresql-15-pgtap"
# pdftotext: the report specs print to PDF and read its text back.
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
if [ -n "$missing" ]; then
  install="apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q$missing"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing$missing"
    sh -c "$install"
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "test: installing$missing (sudo)"
    sudo sh -c "$install"
  else
    echo "test: missing$missing. Run this, then npm test again:" >&2
    echo "  sudo sh -c '$install'" >&2
    exit 1
  fi
fi

# 3. Dependencies: installed by `npm ci` (the README's first command).
if [ ! -x node_modules/.bin/vitest ]; then
  echo "test: no node_modules. Run this, then npm test again:" >&2
  echo "  npm ci" >&2
  exit 1
fi

# 4. The suites, with this Node first on PATH.
exec npm run test:suites
