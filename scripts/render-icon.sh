#!/usr/bin/env bash
# Renders media/icon.svg to media/icon.png (128×128, transparent corners) with headless Chromium.
# Needs a CJK serif font (Debian: fonts-noto-cjk). Run from anywhere: bash scripts/render-icon.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/icon.html" <<HTML
<!DOCTYPE html><html><head><style>html,body{margin:0;padding:0;background:transparent;overflow:hidden}</style></head>
<body><img src="file://$root/media/icon.svg" width="128" height="128" style="display:block"></body></html>
HTML
"${CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 --virtual-time-budget=3000 \
  --screenshot="$root/media/icon.png" --window-size=128,128 "file://$tmp/icon.html"
