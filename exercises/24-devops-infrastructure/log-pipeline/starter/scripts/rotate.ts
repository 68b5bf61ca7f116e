/** scripts/rotate.sh: rotates a log, keeping the newest copies. Bash inside String.raw: write $name, never a dollar-brace. */
export const rotate = String.raw`#!/usr/bin/env bash
set -euo pipefail
# TODO: see README.md for the arguments, output and exit codes.
echo "rotate.sh: not implemented" >&2
exit 1
`;
