#!/usr/bin/env bash
# Render out/briefing.html (or the file given) with headless Chromium to a PNG, to look at it as
# a reader would. Needs Debian's chromium (apt-get install chromium fonts-noto-core).
# usage: scripts/screenshot.sh [out/briefing.html] [out.png] [height]
set -euo pipefail
html=$(realpath "${1:-out/briefing.html}")
png=${2:-/tmp/briefing.png}
height=${3:-4000}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1280,"$height" \
  --screenshot="$png" "file://$html" >/dev/null 2>&1
echo "$png"
