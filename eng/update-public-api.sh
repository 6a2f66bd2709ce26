#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of every project that tracks its public API (TrackPublicApi=true, see
# Directory.Build.targets): RS0016's fix adds each public member that is missing, RS0017's removes each line whose
# member is gone. Run it from anywhere after changing a public API, then build and review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in $(grep -l '<TrackPublicApi>true</TrackPublicApi>' $(git ls-files '*.csproj')); do
  echo "public API: $project"
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity info
done
