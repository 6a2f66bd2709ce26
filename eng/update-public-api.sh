#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of every project that tracks its public API (TrackPublicApi=true, see
# Directory.Build.targets) from the analyzer itself: a build lists each public member missing from the files (RS0016)
# and each declared line whose member is gone (RS0017); the first are added, the second removed, and the file is
# sorted. Run it from anywhere after changing a public API, then build and review the diff.
# (`dotnet format analyzers --diagnostics RS0016` would be the direct way, but here it loads the workspace without
# applying the fix, so the build's own diagnostics are used.)
set -euo pipefail
cd "$(dirname "$0")/.."
for project in $(grep -l '<TrackPublicApi>true</TrackPublicApi>' $(git ls-files '*.csproj')); do
  folder=$(dirname "$project")
  unshipped="$folder/PublicAPI.Unshipped.txt"
  echo "public API: $project"
  log=$(mktemp)
  dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= -clp:NoSummary > "$log" 2>&1 || true
  python3 - "$log" "$unshipped" "$folder" <<'PY'
import re, sys
log, unshipped, folder = sys.argv[1:]
text = open(log, encoding="utf-8").read()
mine = lambda m: folder in m.group(0)
added = {m.group(1) for m in re.finditer(r"[^\n]*RS0016: Symbol '(.+?)' is not part of the declared public API[^\n]*", text) if mine(m)}
removed = {m.group(1) for m in re.finditer(r"[^\n]*RS0017: Symbol '(.+?)' is part of the declared API[^\n]*", text) if mine(m)}
lines = [l.rstrip("\n") for l in open(unshipped, encoding="utf-8")]
header = [l for l in lines if l.startswith("#")] or ["#nullable enable"]
body = {l for l in lines if l and not l.startswith("#")}
body = (body - removed) | added
open(unshipped, "w", encoding="utf-8", newline="\n").write("\n".join(header + sorted(body, key=str.lower)) + "\n")
print(f"  {len(added)} added, {len(removed)} removed")
PY
  rm -f "$log"
done
