/** scripts/top-errors.sh: the request paths with the most 5xx responses. */
export const topErrors = String.raw`#!/usr/bin/env bash
# Top request paths by 5xx responses in an nginx access log.
set -euo pipefail

usage() {
  echo "usage: top-errors.sh [-n COUNT] LOGFILE" >&2
  exit 2
}

count=5
while getopts ":n:" opt; do
  case "$opt" in
    n) count=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ "$#" -eq 1 ] || usage
[[ "$count" =~ ^[1-9][0-9]*$ ]] || usage

log=$1
if [ ! -f "$log" ]; then
  echo "top-errors.sh: $log: no such file" >&2
  exit 1
fi

# $7 is the request path, $9 the status; drop the query string so /search?q=a and /search?q=b add up.
awk '$9 ~ /^5[0-9][0-9]$/ { path = $7; sub(/\?.*/, "", path); print path }' $log \
  | sort | uniq -c | sort -rn | head -n "$count" \
  | awk '{ print $1, $2 }'
`;
