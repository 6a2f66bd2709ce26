#!/usr/bin/env bash
# Re-measures every figure README.md's "Measured" section states, back to back in one pass, so they can be checked
# against their error bars on one machine state (docs/performance.md, "Reproducing the README's figures").
#
#   bash benchmarks/measure-readme.sh [section...]     sections: copy host schedules explore isolation analyzers
#
# Run it on a quiet machine (nothing else building); the load average is recorded before and after each section.
# Output: artifacts/readme-figures/<UTC time>/ with one folder per section (BenchmarkDotNet's reports, explore's JSON
# reports, /usr/bin/time's output) and summary.md, which collects every table in the order of the README's bullets.
set -euo pipefail
cd "$(dirname "$0")/.."

all=(copy host schedules explore isolation analyzers)
sections=("${@:-${all[@]}}")
for section in "${sections[@]}"; do
  [[ " ${all[*]} " == *" $section "* ]] || { echo "unknown section '$section'; expected one of: ${all[*]}" >&2; exit 2; }
done

out="artifacts/readme-figures/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
summary="$out/summary.md"
{
  echo "# README figures, measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $(git rev-parse --short HEAD)"
  echo
  echo "$(nproc) processors; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(dotnet --version) SDK"
} >"$summary"

load() { cut -d' ' -f1-3 /proc/loadavg; }

dotnet build benchmarks/NetDma.Benchmarks -c Release -v quiet -nologo >/dev/null
dotnet build src/ConformanceKit/Cli -c Release -v quiet -nologo >/dev/null
kit=src/ConformanceKit/Cli/bin/Release/net10.0/netdma-kit.dll

# One BenchmarkDotNet run into the section's folder; its GitHub-flavoured table goes to the summary.
bench() {
  local section=$1 title=$2
  shift 2
  local before
  before=$(load)
  dotnet run -c Release --no-build --project benchmarks/NetDma.Benchmarks -- --artifacts "$out/$section" "$@" \
    >"$out/$section.log" 2>&1
  {
    echo
    echo "## $title"
    echo
    echo "\`dotnet run -c Release --project benchmarks/NetDma.Benchmarks -- $*\` (load average before: $before; after: $(load))"
    echo
    sed -n '/^|/p' "$out/$section"/results/*-report-github.md
  } >>"$summary"
}

# explore end to end: cases per minute from the JSON report's own duration, wall time and peak RSS from /usr/bin/time.
explore() {
  local name=$1
  shift
  local before
  before=$(load)
  mkdir -p "$out/explore"
  /usr/bin/time -v dotnet "$kit" explore "$@" --json "$out/explore/$name.json" >"$out/explore/$name.log" 2>"$out/explore/$name.time" || true
  local cases seconds rss wall
  cases=$(jq '.exploration.iterations' "$out/explore/$name.json")
  seconds=$(jq '.durationSeconds' "$out/explore/$name.json")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out/explore/$name.time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/explore/$name.time")
  printf '| `explore %s` | %s | %s | %.0f | %s | %s MiB | %s |\n' "$*" "$cases" "$seconds" \
    "$(echo "$cases * 60 / $seconds" | bc -l)" "$wall" "$rss" "$before" >>"$summary"
}

for section in "${sections[@]}"; do
  echo "[$(date -u +%H:%M:%S)] $section" >&2
  case $section in
    copy)
      bench copy "Copy engine against Span<byte>.CopyTo" --filter '*CopyEngineBenchmarks*' --job short ;;
    host)
      bench host "Checking host against bare calls" --filter '*HostOverheadBenchmarks*' --inProcess --warmupCount 2 --iterationCount 8
      bench host-data-path "Allocation per data-path call" --filter '*HostDataPathBenchmarks*' --inProcess --warmupCount 2 --iterationCount 10 ;;
    schedules)
      bench schedules "Schedules of a 4-processor, 50-call case, both cores" --filter '*ScheduleExplorationBenchmarks*' --inProcess --warmupCount 3 --iterationCount 10
      # One core: taskset pins the process that runs the benchmark in process; seven runs, alternating cores, for a median.
      for run in 1 2 3 4 5 6 7; do
        core=$(( (run - 1) % 2 ))
        taskset -c "$core" dotnet run -c Release --no-build --project benchmarks/NetDma.Benchmarks -- \
          --artifacts "$out/schedules-core/$run" --filter '*ScheduleExplorationBenchmarks*' --inProcess --warmupCount 3 --iterationCount 10 \
          >"$out/schedules-core-$run.log" 2>&1
      done
      {
        echo
        echo "## Schedules on one core (seven runs under taskset, alternating cores 0 and 1)"
        echo
        for run in 1 2 3 4 5 6 7; do sed -n '/^|/p' "$out/schedules-core/$run"/results/*-report-github.md | tail -n +3; done
      } >>"$summary" ;;
    explore)
      {
        echo
        echo "## Exploration end to end"
        echo
        echo "| command | cases | seconds (exploration) | cases per minute | wall (process) | peak RSS | load before |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
      } >>"$summary"
      explore in-process-10k --seed 0000000001G3 --iterations 10000 --in-process --parallel 1
      explore in-process-100k --seed 0000000001G3 --iterations 100000 --in-process --parallel 1
      explore worker-10k --seed 0000000001G3 --iterations 10000
      explore worker-100k --seed 0000000001G3 --iterations 100000
      bench exploration "Cases of up to 50 operations per minute, in process, one lane and two" --filter '*.ExplorationBenchmarks.*' --job short --inProcess
      {
        echo
        echo "## The bundled suite end to end (process start to exit)"
        echo
        echo "| command | wall | run's own time | peak RSS | load before |"
        echo "| --- | ---: | ---: | ---: | --- |"
      } >>"$summary"
      for mode in --in-process ""; do
        before=$(load)
        # shellcheck disable=SC2086 # an empty mode is no argument
        /usr/bin/time -v dotnet "$kit" run $mode --json "$out/explore/run$mode.json" >"$out/explore/run$mode.log" 2>"$out/explore/run$mode.time" || true
        printf '| `run %s` | %s | %s s | %s MiB | %s |\n' "$mode" \
          "$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/explore/run$mode.time")" "$(jq '.durationSeconds' "$out/explore/run$mode.json")" \
          "$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out/explore/run$mode.time")" "$before" >>"$summary"
      done ;;
    isolation)
      bench isolation "What isolation costs" --filter '*IsolationOverheadBenchmarks*' --job short ;;
    analyzers)
      bench analyzers "Analyzers on the 10,000- and 100,000-line corpus" --filter '*AnalyzerCorpusBenchmarks*' --inProcess --warmupCount 2 --iterationCount 8
      dotnet test tests/NetDma.Analyzers.Tests -c Release --filter 'FullyQualifiedName~LiveAnalysisTests' \
        --logger 'console;verbosity=detailed' >"$out/live.log" 2>&1 || true
      {
        echo
        echo "## Live diagnostics (LiveAnalysisTests)"
        echo
        grep -E 'live|Live' "$out/live.log" | grep -vE '^\s*(Passed|Failed)' | sed 's/^ */    /' | head -20
      } >>"$summary" ;;
  esac
done

echo "$summary"
cat "$summary"
