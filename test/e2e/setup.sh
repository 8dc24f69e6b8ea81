#!/usr/bin/env bash
# Installs a headless "real VS Code" for the end-to-end suite, from the npm
# registry and Debian's apt repositories only (nothing from GitHub or Microsoft):
#
#   * Debian's chromium (driven by the project's playwright-core devDependency,
#     which never downloads a browser) and ripgrep, plus the native build tools;
#   * code-server 4.100.3 (VS Code 1.100.3 server + web workbench, the newest
#     code-server that runs on Node 20), pinned by test/e2e/runtime/package-lock.json,
#     installed into PREFIX with --ignore-scripts: its postinstall would make
#     @vscode/ripgrep download rg from GitHub. We do the useful part of that
#     postinstall here instead: Debian's rg in place, native modules built
#     from source against the installed Node headers.
#
# Usage: test/e2e/setup.sh [--prefix DIR] [--no-apt] [--force]
#   DIR defaults to $LESSONLINT_E2E_PREFIX or <repo>/.vscode-e2e (git-ignored).
# Idempotent: finished steps are detected and skipped; --force redoes them.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PREFIX="${LESSONLINT_E2E_PREFIX:-$ROOT/.vscode-e2e}"
WITH_APT=1; FORCE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --prefix=*) PREFIX="${1#*=}"; shift ;;
    --no-apt) WITH_APT=0; shift ;;
    --force) FORCE=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

START=$(date +%s)
step() { printf '==> [%4ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }
did()  { printf '    done: %s\n' "$*"; }
skip() { printf '    skip: %s\n' "$*"; }

mkdir -p "$PREFIX"
PREFIX="$(cd "$PREFIX" && pwd)"
echo "lessonlint e2e setup: prefix=$PREFIX node=$(node -v) npm=$(npm -v)"
case "$(node -v)" in v20.*) ;; *) echo "WARNING: code-server 4.100.3 is built for Node 20; found $(node -v)";; esac

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# node-gyp would download Node's headers from nodejs.org; use the installed ones.
NODE_ROOT="$(node -p 'require("path").resolve(process.execPath, "..", "..")')"
if [ -f "$NODE_ROOT/include/node/node.h" ]; then
  export npm_config_nodedir="$NODE_ROOT"
else
  echo "WARNING: $NODE_ROOT/include/node/node.h not found: node-gyp will try to download headers (fails offline)."
fi

# ------------------------------------------------------------------ apt
step "apt packages (chromium, ripgrep, native build deps)"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)   # code-server's kerberos module
{ command -v make >/dev/null && command -v g++ >/dev/null; } || need+=(build-essential)
command -v python3 >/dev/null || need+=(python3)              # node-gyp
command -v pkg-config >/dev/null || need+=(pkg-config)
if [ ${#need[@]} -eq 0 ]; then
  skip "present: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), $(rg --version | head -1)"
elif [ "$WITH_APT" = 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  did "apt-get install ${need[*]}"
else
  echo "missing apt packages: ${need[*]} (rerun without --no-apt, as root)" >&2; exit 1
fi

# ------------------------------------------------------------------ npm: code-server
step "npm: code-server (test/e2e/runtime/package-lock.json) into $PREFIX"
LOCK_SUM="$(cat "$HERE/runtime/package.json" "$HERE/runtime/package-lock.json" | sha256sum | cut -c1-16)"
if [ "$FORCE" = 0 ] && [ "$(cat "$PREFIX/.lock-sum" 2>/dev/null)" = "$LOCK_SUM" ] && [ -d "$PREFIX/node_modules/code-server" ]; then
  skip "code-server $(node -p "require('$PREFIX/node_modules/code-server/package.json').version") installed"
else
  cp "$HERE/runtime/package.json" "$HERE/runtime/package-lock.json" "$PREFIX/"
  (cd "$PREFIX" && npm ci --ignore-scripts --no-audit --no-fund 2>&1 | tail -1)
  rm -f "$PREFIX/node_modules/code-server/lib/vscode/.lessonlint-deps-ok"
  echo "$LOCK_SUM" > "$PREFIX/.lock-sum"
  did "npm ci --ignore-scripts"
fi

CS="$PREFIX/node_modules/code-server"
VS="$CS/lib/vscode"

step "argon2 (code-server loads it even with --auth none), built from source"
if [ "$FORCE" = 0 ] && [ -f "$PREFIX/node_modules/argon2/lib/binding/napi-v3/argon2.node" ]; then
  skip "argon2.node present"
else
  # build_from_source: skip node-pre-gyp's download attempt from GitHub.
  (cd "$PREFIX" && npm_config_build_from_source=true npm rebuild argon2 >"$PREFIX/build-argon2.log" 2>&1) \
    || { tail -30 "$PREFIX/build-argon2.log"; exit 1; }
  did "npm rebuild argon2 (log: build-argon2.log)"
fi

# ------------------------------------------------------------------ VS Code's own dependencies
STAMP="$VS/.lessonlint-deps-ok"
step "VS Code server dependencies in lib/vscode (rg from Debian, native modules from source)"
if [ "$FORCE" = 0 ] && [ -f "$STAMP" ]; then
  skip "stamp present"
else
  cd "$VS"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund 2>&1 | tail -1
  # @vscode/ripgrep's postinstall exits early when its bin/ folder exists, and
  # VS Code's search (and workspaceContains activation) runs that binary.
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # The remaining install scripts build @vscode/spdlog, node-pty, native-watchdog,
  # kerberos and @vscode/deviceid with node-gyp. npm_config_yes: node-pty's
  # postinstall runs `npx node-gyp` (from the npm registry) to write compile_commands.json.
  npm_config_yes=true npm rebuild --foreground-scripts >"$PREFIX/build-vscode-native.log" 2>&1 \
    || { tail -40 "$PREFIX/build-vscode-native.log"; exit 1; }
  for f in node_modules/@vscode/spdlog/build/Release/spdlog.node node_modules/node-pty/build/Release/pty.node \
           node_modules/native-watchdog/build/Release/watchdog.node node_modules/kerberos/build/Release/kerberos.node; do
    [ -f "$f" ] || { echo "missing $f after rebuild (see $PREFIX/build-vscode-native.log)" >&2; exit 1; }
  done
  # The rest of code-server's postinstall.sh: symlinks and the built-in extensions' deps.
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev --no-audit --no-fund 2>&1 | tail -1)
  touch "$STAMP"
  did "lib/vscode ready (log: build-vscode-native.log)"
fi

step "smoke check: code-server --version"
tmpx="$(mktemp -d)"
XDG_CONFIG_HOME="$tmpx" XDG_DATA_HOME="$tmpx" node "$CS/out/node/entry.js" --version | tail -1
rm -rf "$tmpx"

step "finished: prefix $(du -sh "$PREFIX" | cut -f1), chromium $(command -v chromium), $(( $(date +%s) - START ))s"
