/** scripts/per-minute.sh: requests per minute. */
export const perMinute = String.raw`#!/usr/bin/env bash
# Requests per minute in an nginx access log, in time order.
set -euo pipefail

if [ "$#" -ne 1 ]; then
  echo "usage: per-minute.sh LOGFILE" >&2
  exit 2
fi
log=$1
if [ ! -f "$log" ]; then
  echo "per-minute.sh: $log: no such file" >&2
  exit 1
fi

# $4 is "[01/Dec/2026:10:00:01"; characters 14-18 are HH:MM.
awk '{ print substr($4, 14, 5) }' "$log" | sort | uniq -c | awk '{ print $2, $1 }'
`;
