/** scripts/rotate.sh: rotates a log, keeping the newest copies. */
export const rotate = String.raw`#!/usr/bin/env bash
# Rotates LOGFILE the way logrotate does without compression:
# LOGFILE.1 is the newest old log, LOGFILE.KEEP the oldest kept one.
set -euo pipefail

usage() {
  echo "usage: rotate.sh [-k KEEP] LOGFILE" >&2
  exit 2
}

keep=3
while getopts ":k:" opt; do
  case "$opt" in
    k) keep=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ "$#" -eq 1 ] || usage
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || usage

log=$1
if [ ! -f "$log" ]; then
  echo "rotate.sh: $log: no such file" >&2
  exit 1
fi

# Copies numbered KEEP and up fall off the end; then every copy moves one place older.
for old in "$log".*; do
  [ -e "$old" ] || continue
  n=$(echo "$old" | sed 's/.*[.]//')
  if [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -gt "$keep" ]; then
    rm -f "$old"
  fi
done
for ((i = keep - 1; i >= 1; i--)); do
  if [ -f "$log.$i" ]; then
    mv "$log.$i" "$log.$((i + 1))"
  fi
done
mv "$log" "$log.1"
: > "$log"
`;
