#!/usr/bin/env bash
# The real-VS-Code suite, end to end, as CI runs it (after `npm ci && npm test`):
#   1. set up code-server + chromium (test/e2e/setup.sh; idempotent, npm + apt only),
#   2. package the extension (`npm run package`: production bundles, vsce),
#   3. install that .vsix into code-server and run the UI checks (screenshots into
#      docs/images/) and the mocha suite inside the extension host (test/e2e/launch.mjs).
# Prints the vsix size, the time taken and, last, "e2e: N passed, N failed".
# Exits non-zero when anything fails.
#
# Usage: test/e2e/run.sh [--no-apt] [extra launch.mjs options, e.g. --keep-temp]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
START=$(date +%s)
SETUP_ARGS=()
if [ "${1:-}" = "--no-apt" ]; then SETUP_ARGS+=(--no-apt); shift; fi

echo "==> e2e: setup"
bash "$HERE/setup.sh" "${SETUP_ARGS[@]}"

echo "==> e2e: npm run package"
VERSION="$(node -p 'require("./package.json").version')"
VSIX="$ROOT/lessonlint-$VERSION.vsix"
rm -f "$VSIX"
npm run -s package -- --out "$VSIX" </dev/null

echo "==> e2e: build the in-editor suite"
node "$HERE/build-suite.mjs"

echo "==> e2e: run against the installed .vsix"
LOG="$(mktemp)"
set +e
node "$HERE/launch.mjs" --vsix "$VSIX" --screenshots "$ROOT/docs/images" "$@" 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
set -e
echo "==> e2e: vsix $(( $(stat -c %s "$VSIX") / 1024 )) KiB, total $(( $(date +%s) - START ))s, exit $status"
# The closing line, last, for CI log readers.
grep -E '^e2e: [0-9]+ passed, [0-9]+ failed$' "$LOG" | tail -1 || echo "e2e: 0 passed, 1 failed"
rm -f "$LOG"
exit "$status"
