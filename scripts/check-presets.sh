#!/usr/bin/env bash
# Run every preset through the headless runner, for its full duration (each is made to be
# cheap), and fail if any does not run clean: the loader refuses it or warns (--strict, exit 2),
# the engine cannot run it (exit 1), the run stops early (truncated), or no request succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for f in presets/*.json; do
  err=$(mktemp)
  if ! out=$(npm run --silent sim -- "$f" --json --strict 2>"$err"); then
    echo "FAIL  $f: $(head -c 400 "$err")"
    status=1
  elif ! verdict=$(printf '%s' "$out" | node -e '
      let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        const r = JSON.parse(s);
        if (r.truncated) { console.log("truncated: " + r.truncated.message); process.exit(1); }
        if (!(r.requests && r.requests.ok > 0)) { console.log("no request succeeded"); process.exit(1); }
        console.log(`${r.requests.ok}/${r.requests.total} ok, p99 ${r.latencyMs.p99} ms, ${r.wallMs} ms wall`);
      });'); then
    echo "FAIL  $f: $verdict"
    status=1
  else
    echo "ok    $f  ($verdict)"
  fi
  rm -f "$err"
done
exit $status
