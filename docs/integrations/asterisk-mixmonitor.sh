#!/usr/bin/env bash
# Asterisk MixMonitor post-command: runs once the recording file is closed (the call has ended).
#
# extensions.conf (the ^{...} variables are read when the command runs, not when recording starts):
#
#   exten => _X.,1,Set(CALLVAULT_START=${EPOCH})
#    same => n,MixMonitor(${UNIQUEID}.wav,,/usr/local/bin/asterisk-mixmonitor.sh ${UNIQUEID} ${CALLERID(num)} ${CALLVAULT_START} ^{MIXMONITOR_FILENAME})
#    same => n,Dial(PJSIP/agents)
#
# Asterisk runs the post-command without its own environment: put CALLVAULT_URL and
# CALLVAULT_INGEST_KEY in /etc/callvault.env (mode 600, owned by the asterisk user).
#
#   asterisk-mixmonitor.sh <uniqueid> <caller-number> <start-epoch> <recording-file>
set -euo pipefail
if [ -r "${CALLVAULT_ENV_FILE:-/etc/callvault.env}" ]; then
  set -a
  # shellcheck source=/dev/null
  . "${CALLVAULT_ENV_FILE:-/etc/callvault.env}"
  set +a
fi
here=$(dirname "$(readlink -f "$0")")
exec "${CALLVAULT_PUSH:-$here/callvault-push.sh}" "$1" "$2" "$3" "$(date +%s)" "$4"
