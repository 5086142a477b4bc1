#!/usr/bin/env bash
# Real-client test: headless Neovim (Debian's package, 0.7 or later) opens an
# article with fitlint-language-server configured as a user would, and must
# receive diagnostics (plus a hover and code actions) within 20 s.
#
# Installs nothing. Needs: `apt-get install -y neovim`, and `npm run build`.
# Usage: .ci/neovim-test.sh   (exit 0: diagnostics arrived; 1: they did not; 2: setup)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if ! command -v nvim >/dev/null; then
  echo "neovim-test: nvim not found (apt-get install -y neovim)" >&2
  exit 2
fi
if [ ! -f "$root/dist/src/lsp/bin.js" ]; then
  echo "neovim-test: dist/src/lsp/bin.js missing (npm run build)" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/tests/fixtures-lsp/workout.md" "$work/article.md"
out="$work/result.txt"

status=0
(
  cd "$work"
  FITLINT_SERVER="$root/dist/src/lsp/bin.js" FITLINT_OUT="$out" FITLINT_TIMEOUT=20000 \
    timeout 60 nvim --headless --clean -u "$root/.ci/neovim/init.lua" article.md
) </dev/null >"$work/nvim.log" 2>&1 || status=$?

echo "neovim-test: $(nvim --version | head -n 1)"
if [ -f "$out" ]; then
  sed 's/^/  /' "$out"
fi
if [ "$status" -ne 0 ] || ! grep -q 'code=medical-disclaimer' "$out" 2>/dev/null; then
  echo "neovim-test: FAILED (nvim exit $status)" >&2
  sed 's/^/  nvim: /' "$work/nvim.log" >&2 || true
  exit 1
fi
echo "neovim-test: ok, diagnostics arrived in Neovim"
