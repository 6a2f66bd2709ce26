using System.CommandLine;
using NetDma.ConformanceKit.Exploration;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// How <c>explore</c> spreads its cases and what it leaves behind for CI: <c>--parallel N</c> lanes on this machine,
/// <c>--shard i/n</c> of a run split over CI jobs, and the JUnit, SARIF and JSON reports (<c>--report</c>,
/// <c>--sarif</c>, <c>--json</c>) that <c>netdma-kit merge</c> combines across shards.
/// </summary>
/// <param name="Parallel">Cases run at once, one runner (worker process) each.</param>
/// <param name="Shard">The slice of the run's cases, or null for all.</param>
/// <param name="Report">Where to write the JUnit report, or null.</param>
/// <param name="Sarif">Where to write the SARIF report, or null.</param>
/// <param name="Json">Where to write the JSON report, or null.</param>
public sealed record ExploreDistribution(int Parallel, ExplorationShard? Shard, FileInfo? Report, FileInfo? Sarif, FileInfo? Json)
{
    /// <summary>One lane, the whole run, no report files: <c>explore</c> as it was before these options.</summary>
    public static ExploreDistribution Sequential { get; } = new(1, null, null, null, null);

    /// <summary>The values <c>--parallel</c> accepts.</summary>
    public static IntegerRange ParallelRange { get; } = new(1, ExplorationOptions.MaxParallelism);

    /// <summary>The options, to add to the <c>explore</c> command; <see cref="Binding.Read"/> reads them back.</summary>
    public sealed class Binding
    {
        /// <summary>Creates the options.</summary>
        public Binding()
        {
            Parallel = IntegerOption.Create("--parallel",
                "Cases run at once, each in its own worker process (or thread with --in-process); the results do not depend on it. Default: the processor count.",
                ParallelRange, Math.Clamp(Environment.ProcessorCount, 1, ExplorationOptions.MaxParallelism));
            Shard = new Option<ExplorationShard?>("--shard")
            {
                Description = "Run only shard i of n (e.g. 2/4) of the --iterations cases: n CI jobs with the same --seed split one run into disjoint case ranges; combine their reports with `netdma-kit merge`.",
                CustomParser = result =>
                {
                    var text = result.Tokens[^1].Value;
                    if (ExplorationShard.TryParse(text, out var shard))
                    {
                        return shard;
                    }

                    result.AddError($"--shard '{text}' is not i/n with 1 <= i <= n (e.g. 2/4)");
                    return null;
                },
            };
            Report = new Option<FileInfo?>("--report") { Description = "Write a JUnit XML report of the exploration to this path." };
            Sarif = new Option<FileInfo?>("--sarif") { Description = "Write a SARIF 2.1.0 report of the exploration (one result per failed check of the minimal case) to this path." };
            Json = new Option<FileInfo?>("--json") { Description = "Write a JSON report of the exploration (schema: docs/schemas/netdma-report.schema.json) to this path." };
        }

        /// <summary><c>--parallel</c>.</summary>
        public Option<int> Parallel { get; }

        /// <summary><c>--shard</c>.</summary>
        public Option<ExplorationShard?> Shard { get; }

        /// <summary><c>--report</c> (JUnit).</summary>
        public Option<FileInfo?> Report { get; }

        /// <summary><c>--sarif</c>.</summary>
        public Option<FileInfo?> Sarif { get; }

        /// <summary><c>--json</c>.</summary>
        public Option<FileInfo?> Json { get; }

        /// <summary>The options as a command's list.</summary>
        public IEnumerable<Option> All => [Parallel, Shard, Report, Sarif, Json];

        /// <summary>The distribution the parsed options ask for.</summary>
        public ExploreDistribution Read(ParseResult parse)
        {
            ArgumentNullException.ThrowIfNull(parse);
            return new(parse.GetValue(Parallel), parse.GetValue(Shard), parse.GetValue(Report), parse.GetValue(Sarif), parse.GetValue(Json));
        }
    }
}
