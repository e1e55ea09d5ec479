#!/usr/bin/env bash
# FreeSWITCH hangup hook: runs after the call has hung up and record_session has closed its file.
#
# dialplan (default.xml), before bridging the call:
#
#   <action application="set" data="callvault_file=$${recordings_dir}/${uuid}.wav"/>
#   <action application="set" data="session_in_hangup_hook=true"/>
#   <action application="set" data="api_hangup_hook=bgsystem /usr/local/bin/freeswitch-hangup.sh ${uuid} ${caller_id_number} ${start_epoch} ${end_epoch} ${callvault_file}"/>
#   <action application="record_session" data="${callvault_file}"/>
#
# bgsystem runs it without holding the session thread. Put CALLVAULT_URL and CALLVAULT_INGEST_KEY in
# /etc/callvault.env (mode 600, owned by the freeswitch user).
#
#   freeswitch-hangup.sh <uuid> <caller-number> <start-epoch> <end-epoch> <recording-file>
set -euo pipefail
if [ -r "${CALLVAULT_ENV_FILE:-/etc/callvault.env}" ]; then
  set -a
  # shellcheck source=/dev/null
  . "${CALLVAULT_ENV_FILE:-/etc/callvault.env}"
  set +a
fi
here=$(dirname "$(readlink -f "$0")")
exec "${CALLVAULT_PUSH:-$here/callvault-push.sh}" "$@"
