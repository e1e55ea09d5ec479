#!/usr/bin/env bash
# Pushes one finished call and its recording to CallVault with the client's ingest key.
#
#   callvault-push.sh <call-id> <caller-number> <start-epoch> <end-epoch> <recording-file>
#
# Environment:
#   CALLVAULT_URL                  the API's base URL, e.g. https://callvault.example.com
#   CALLVAULT_INGEST_KEY           the client's ingest key (cvik_...), from POST /clients/:id/ingest-keys
#   CALLVAULT_DELETE_AFTER_UPLOAD  1 to delete the local recording once CallVault holds it
#
# Safe to run again for the same call: the call is found by the phone system's own id (200 instead of
# 201) and a recording already stored answers 409, which counts as done. Exits non-zero otherwise, so
# the phone system's own retry (or a cron re-run over a spool directory) can try again later.
set -euo pipefail

if [ "$#" -ne 5 ]; then
  echo "usage: $0 <call-id> <caller-number> <start-epoch> <end-epoch> <recording-file>" >&2
  exit 64
fi
ref=$1 caller=$2 start=$3 end=$4 file=$5
: "${CALLVAULT_URL:?set CALLVAULT_URL to the CallVault API base URL}"
: "${CALLVAULT_INGEST_KEY:?set CALLVAULT_INGEST_KEY to the ingest key of the client}"
url=${CALLVAULT_URL%/}

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
# A withheld or non-numeric caller id ("anonymous", empty) is sent as "withheld".
phone='^\+?[0-9][0-9 ().-]{2,38}$'
[[ $caller =~ $phone ]] || caller=withheld
case "${file##*.}" in
  wav | WAV) type=audio/wav ;;
  mp3 | MP3) type=audio/mpeg ;;
  ogg | OGG) type=audio/ogg ;;
  m4a | M4A) type=audio/mp4 ;;
  *) type=application/octet-stream ;;
esac

# 1. The call, by the phone system's own id: 201 the first time, 200 with the same call on a repeat.
body=$(printf '{"externalRef":"%s","callerNumber":"%s","startedAt":"%s","endedAt":"%s"}' "$ref" "$caller" "$(iso "$start")" "$(iso "$end")")
answer=$(curl --silent --show-error --retry 5 --max-time 30 \
  --header "X-Ingest-Key: $CALLVAULT_INGEST_KEY" --header 'Content-Type: application/json' \
  --data "$body" --write-out '\n%{http_code}' "$url/calls")
status=${answer##*$'\n'}
call=${answer%$'\n'*}
if [ "$status" != 201 ] && [ "$status" != 200 ]; then
  echo "callvault: creating call $ref answered $status: $call" >&2
  exit 1
fi
id=$(printf '%s' "$call" | sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p')
if [ -z "$id" ]; then
  echo "callvault: no call id in the answer for call $ref" >&2
  exit 1
fi

# 2. The recording, streamed from the file (curl -T reads it as it sends).
answer=$(curl --silent --show-error --retry 5 --write-out '\n%{http_code}' \
  --header "X-Ingest-Key: $CALLVAULT_INGEST_KEY" --header "Content-Type: $type" \
  --upload-file "$file" "$url/calls/$id/recording")
status=${answer##*$'\n'}
case "$status" in
  201 | 409) ;;
  *)
    echo "callvault: uploading the recording of call $ref answered $status: ${answer%$'\n'*}" >&2
    exit 1
    ;;
esac

if [ "${CALLVAULT_DELETE_AFTER_UPLOAD:-0}" = 1 ]; then rm -f -- "$file"; fi
echo "callvault: call $ref stored as $id"
