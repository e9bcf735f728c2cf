#!/usr/bin/env bash
# Installs what the test suite runs against, from Debian's packages: Chromium (end-to-end tests),
# Kamailio with WebSocket and ephemeral-auth modules (SIP server), rtpengine, baresip and sipp
# (non-WebRTC callers), PostgreSQL (the server's production database). Uses sudo unless root.
set -euo pipefail
packages=(chromium kamailio kamailio-websocket-modules kamailio-autheph-modules postgresql rtpengine-daemon baresip sip-tester)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
missing=()
for p in "${packages[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
else
  echo "test prerequisites already installed: ${packages[*]}"
fi
