#!/usr/bin/env bash
# Regenerates the files derived from the rule source and the repository (see tests/NetDma.Analyzers.Tests/Catalog):
# src/ConformanceKit/Rules/rule-evidence.json and the title line and "Enforced by" section of every docs/rules/<ID>.md.
# Run it after adding or moving a rule check, a self-test script, a rule test or a requirement row; then review the diff.
# Two passes: the second embeds the new evidence in the kit, so the pages' "Enforced by" sections read it.
set -euo pipefail
cd "$(dirname "$0")/.."
for pass in 1 2; do
  dotnet build tests/NetDma.Analyzers.Tests -v quiet -nologo
  NETDMA_UPDATE_GENERATED=1 dotnet test tests/NetDma.Analyzers.Tests --no-build -v quiet -nologo \
    --filter "FullyQualifiedName~NetDma.Analyzers.Tests.Catalog" || [ "$pass" = 1 ]
done
git status --short -- src/ConformanceKit/Rules/rule-evidence.json docs/rules
