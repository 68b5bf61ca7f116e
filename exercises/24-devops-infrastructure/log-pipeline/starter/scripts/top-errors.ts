/** scripts/top-errors.sh: the request paths with the most 5xx responses. Bash inside String.raw: write $name, never a dollar-brace. */
export const topErrors = String.raw`#!/usr/bin/env bash
set -euo pipefail
# TODO: see README.md for the arguments, output and exit codes.
echo "top-errors.sh: not implemented" >&2
exit 1
`;
