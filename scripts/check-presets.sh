#!/usr/bin/env bash
# Run every preset through the headless runner (short duration) and fail on the first that does
# not run: a preset the loader refuses (exit 2) or the engine cannot run (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for f in presets/*.json; do
  if out=$(npx tsx src/cli/sim.ts "$f" --json --duration "${PRESET_DURATION_S:-30}" 2>&1 >/dev/null); then
    echo "ok    $f"
  else
    echo "FAIL  $f: $out"
    status=1
  fi
done
exit $status
