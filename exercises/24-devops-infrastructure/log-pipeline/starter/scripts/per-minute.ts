/** scripts/per-minute.sh: requests per minute. Bash inside String.raw: write $name, never a dollar-brace. */
export const perMinute = String.raw`#!/usr/bin/env bash
set -euo pipefail
# TODO: see README.md for the arguments, output and exit codes.
echo "per-minute.sh: not implemented" >&2
exit 1
`;
