#!/usr/bin/env bash
# Render an HTML file (out/briefing.html by default) with headless Chromium to a PNG, to look at
# it as a reader would. Installs Debian's `chromium` and `fonts-noto-core` (Arabic and Latin
# Noto faces) with apt-get when they are missing (as root, or through sudo).
# usage: scripts/screenshot.sh [out/briefing.html] [out.png] [height]
#   height: the window height in pixels (default 4000; the PNG is 1200 pixels wide)
set -euo pipefail
html=${1:-out/briefing.html}
png=${2:-/tmp/briefing.png}
height=${3:-4000}
if [ ! -f "$html" ]; then
  echo "screenshot: $html: no such file (run: mizan brief ARTICLES first)" >&2
  exit 2
fi
html=$(realpath "$html")
case "$png" in /*) ;; *) png="$PWD/$png" ;; esac

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null | grep -q 'ok installed' ||
  missing+=(fonts-noto-core)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "screenshot: ${missing[*]} missing and there is no apt-get to install them" >&2
    exit 2
  fi
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "screenshot: installing ${missing[*]} with apt-get" >&2
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1200,"$height" \
  --screenshot="$png" "file://$html" >"$profile/chromium.log" 2>&1 || {
  echo "screenshot: chromium failed on $html:" >&2
  tail -5 "$profile/chromium.log" >&2
  exit 1
}
echo "$png"
