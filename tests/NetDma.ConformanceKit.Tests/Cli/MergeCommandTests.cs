using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Reporting;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// <c>netdma-kit merge</c>: the reports of <c>explore --shard 1/2</c> and <c>--shard 2/2</c> (and of <c>run</c> on two
/// parts of the scripts) merge into JUnit, SARIF and JSON reports that pass their schemas and say what the unsharded
/// run says; a failure in one shard keeps its location; and every bad input is exit code 2 with one line on stderr.
/// Explorations run in process with fixed seeds.
/// </summary>
public sealed partial class MergeCommandTests : IDisposable
{
    private const string Seed = "0000000001G3";
    private const string OtherSeed = "2YOW5EeWdBdfCZiz";
    private const int Iterations = 40;
    private readonly CliTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private sealed record Reports(string Json, string JUnit, string Sarif);

    private Reports Explore(string name, ExplorationShard? shard, string seed = Seed, int iterations = Iterations, bool failing = false)
    {
        var reports = new Reports(Path.Combine(_kit.Folder, name + ".json"), Path.Combine(_kit.Folder, name + ".xml"), Path.Combine(_kit.Folder, name + ".sarif"));
        var exit = ExploreCommand.Execute(_kit.Console, failing ? new FileInfo(CliTestKit.TestAssembly) : null, failing ? nameof(CpuOutsideMaskProvider) : null,
            seed, iterations, null, 4, inProcess: true, faults: null,
            new ExploreDistribution(1, shard, new FileInfo(reports.JUnit), new FileInfo(reports.Sarif), new FileInfo(reports.Json)));
        Assert.True(exit == (failing ? 1 : 0), $"explore {name} (seed {seed}) exited {exit}:\n{_kit.Output}{_kit.Errors}");
        return reports;
    }

    private Reports Merge(int expectedExit, params string[] inputs)
    {
        var merged = new Reports(Path.Combine(_kit.Folder, "merged.json"), Path.Combine(_kit.Folder, "merged.xml"), Path.Combine(_kit.Folder, "merged.sarif"));
        var exit = MergeCommand.Execute(_kit.Console, [.. inputs.Select(i => new FileInfo(i))], new FileInfo(merged.JUnit), new FileInfo(merged.Sarif), new FileInfo(merged.Json));
        Assert.True(exit == expectedExit, $"merge exited {exit}:\n{_kit.Output}{_kit.Errors}");
        Assert.Equal("", _kit.Errors);
        return merged;
    }

    private static JsonNode Load(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    private static void AssertValid(Reports merged)
    {
        var problems = ReportSchemas.JsonReportErrors(File.ReadAllText(merged.Json))
            .Concat(ReportSchemas.SarifErrors(File.ReadAllText(merged.Sarif)))
            .Concat(JUnitFileChecks.Problems(File.ReadAllBytes(merged.JUnit)))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Two_shards_merge_into_valid_reports_of_the_unsharded_run_s_cases_and_verdicts()
    {
        var whole = Explore("whole", null);
        var second = Explore("shard2", new ExplorationShard(2, 2));
        var first = Explore("shard1", new ExplorationShard(1, 2));

        var merged = Merge(0, second.Json, first.Json); // given out of order: the merge orders by shard

        AssertValid(merged);
        var json = Load(merged.Json);
        var unsharded = Load(whole.Json);
        Assert.Equal(["cases 1-20", "cases 21-40"], CaseRanges(json));
        Assert.Equal(["cases 1-40"], CaseRanges(unsharded));
        Assert.All(json["scripts"]!.AsArray(), s => Assert.Equal("passed", (string?)s!["outcome"]));
        Assert.Equal(0, (int)json["exitCode"]!);
        Assert.Equal(Evaluations(unsharded), Evaluations(json));
        Assert.Equal(unsharded["requirements"]!.ToJsonString(), json["requirements"]!.ToJsonString());
        Assert.Equal("""{"firstSeed":"0000000001G3","iterations":40,"shardCount":2,"shards":[1,2]}""", json["exploration"]!.ToJsonString());
        var junit = XDocument.Load(merged.JUnit).Root!;
        Assert.Equal("2", junit.Attribute("tests")!.Value);
        Assert.Equal("0", junit.Attribute("failures")!.Value);
        Assert.Empty(Load(merged.Sarif)["runs"]![0]!["results"]!.AsArray());
    }

    [Fact]
    public void A_failure_in_a_shard_survives_the_merge_with_its_location()
    {
        var first = Explore("shard1", new ExplorationShard(1, 2), iterations: 200, failing: true);
        var second = Explore("shard2", new ExplorationShard(2, 2), iterations: 200, failing: true);

        var merged = Merge(1, first.Json, second.Json);

        AssertValid(merged);
        var json = Load(merged.Json);
        Assert.Equal(1, (int)json["exitCode"]!);
        var shardFailures = new[] { first, second }.SelectMany(r => FailedChecks(Load(r.Json))).ToList();
        Assert.NotEmpty(shardFailures);
        Assert.Equal(shardFailures, FailedChecks(json));
        Assert.Contains(shardFailures, f => f.Contains("NDMA3004", StringComparison.Ordinal));
        var shardResults = new[] { first, second }.SelectMany(r => SarifResults(Load(r.Sarif))).ToList();
        Assert.Equal(shardResults, SarifResults(Load(merged.Sarif)));
        var failures = XDocument.Load(merged.JUnit).Descendants("failure").ToList();
        Assert.Equal(json["scripts"]!.AsArray().Count(s => (string?)s!["outcome"] == "failed"), failures.Count);
        Assert.Contains(failures, f => Regex.IsMatch(f.Value, @"explore-\S+\.ndma:\d+:\d+: "));
    }

    [Fact]
    public void Two_runs_on_parts_of_the_scripts_merge_into_the_run_of_all_of_them()
    {
        var scripts = new[] { "03-allocate-msix-affinity", "05-copy-single-descriptor", "14-wdm-bus-master" };
        var all = RunScripts("all", scripts);
        var odd = RunScripts("odd", scripts[0], scripts[2]);
        var even = RunScripts("even", scripts[1]);

        var merged = Merge(0, even, odd);

        AssertValid(merged);
        Assert.Equal(WithoutTimes(Load(all)), WithoutTimes(Load(merged.Json)));
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "missing file", "error: {folder}/nothing.json: no such report file" },
        { "malformed JSON", "error: {folder}/malformed.json:2:3: not valid JSON: " },
        { "a SARIF file", "error: {folder}/shard1.sarif: not a netdma-kit JSON report (no formatVersion" },
        { "another kit version", "error: {folder}/old.json: written by netdma-kit 0.1.0, this is netdma-kit " },
        { "different seeds", "error: {folder}/other.json explores --seed 2YOW5EeWdBdfCZiz --iterations 40 in 2 shard(s) but {folder}/shard1.json explores --seed 0000000001G3" },
        { "different iterations", "error: {folder}/other.json explores --seed 0000000001G3 --iterations 20 in 2 shard(s) but {folder}/shard1.json explores --seed 0000000001G3 --iterations 40" },
        { "same shard twice", "error: {folder}/copy.json and {folder}/shard1.json both hold shard 1/2: merge each shard once" },
        { "different drivers", "error: {folder}/other.json tests 'NetDma.ConformanceKit.Tests.BrokenProviders.CpuOutsideMaskProvider' but {folder}/shard1.json tests " },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_exit_code_2_with_one_line_and_no_report(string input, string expected)
    {
        var shard1 = Explore("shard1", new ExplorationShard(1, 2));
        var other = Path.Combine(_kit.Folder, "other.json");
        string second = input switch
        {
            "missing file" => Path.Combine(_kit.Folder, "nothing.json"),
            "malformed JSON" => _kit.Write("malformed.json", "{\n  ]\n"),
            "a SARIF file" => shard1.Sarif,
            "another kit version" => _kit.Write("old.json", File.ReadAllText(shard1.Json).Replace(NetDma.ConformanceKit.Reporting.KitVersion.Current, "0.1.0", StringComparison.Ordinal)),
            "different seeds" => Rename(Explore("seedB", new ExplorationShard(2, 2), seed: OtherSeed).Json, other),
            "different iterations" => Rename(Explore("short", new ExplorationShard(2, 2), iterations: 20).Json, other),
            "same shard twice" => _kit.Write("copy.json", File.ReadAllText(shard1.Json)),
            "different drivers" => Rename(Explore("broken", new ExplorationShard(2, 2), iterations: 200, failing: true).Json, other),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
        };
        var merged = Path.Combine(_kit.Folder, "merged.json");

        var inputs = input == "a SARIF file" ? new[] { second, shard1.Json } : [shard1.Json, second];
        var exit = MergeCommand.Execute(_kit.Console, [.. inputs.Select(i => new FileInfo(i))], null, null, new FileInfo(merged));

        Assert.True(exit == ExitCodes.BadUsage, $"exit {exit}:\n{_kit.Output}{_kit.Errors}");
        var error = _kit.Errors.TrimEnd('\n');
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith(expected.Replace("{folder}", _kit.Folder, StringComparison.Ordinal), error, StringComparison.Ordinal);
        Assert.False(File.Exists(merged));
    }

    private static string Rename(string from, string to)
    {
        File.Move(from, to);
        return to;
    }

    /// <summary>Runs the bundled scripts <paramref name="names"/> in process from <c>{name}/conformance/</c>, so their display names match across runs; returns the JSON report.</summary>
    private string RunScripts(string name, params string[] names)
    {
        var folder = Path.Combine(_kit.Folder, name, "conformance");
        Directory.CreateDirectory(folder);
        foreach (var script in names)
        {
            File.Copy(Path.Combine(BundledScripts.Conformance, script + ".ndma"), Path.Combine(folder, script + ".ndma"));
        }

        var json = Path.Combine(_kit.Folder, name + ".json");
        var exit = RunCommand.Execute(_kit.Console, null, null, folder, null, null, CliTestKit.Watchdog, inProcess: true, new FileInfo(json));
        Assert.True(exit == 0, $"run {name} exited {exit}:\n{_kit.Output}{_kit.Errors}");
        return json;
    }

    /// <summary>The case ranges the passed entries of an exploration report cover, <c>cases a-b</c>.</summary>
    private static List<string> CaseRanges(JsonNode report) =>
        [.. report["scripts"]!.AsArray().Select(s => CasesName().Match((string)s!["name"]!)).Where(m => m.Success).Select(m => $"cases {m.Groups[1].Value}-{m.Groups[2].Value}")];

    [GeneratedRegex(@"^explore-\S+-cases-(\d+)-(\d+)$")]
    private static partial Regex CasesName();

    /// <summary>The per-rule evaluation counts summed over every entry, in rule order.</summary>
    private static List<string> Evaluations(JsonNode report) =>
        [.. report["scripts"]!.AsArray().SelectMany(s => s!["evaluations"]!.AsObject())
            .GroupBy(e => e.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}={g.Sum(e => (int)e.Value!)}"))];

    /// <summary>Every failed check as <c>file:line:column step ruleIds</c>, in report order.</summary>
    private static List<string> FailedChecks(JsonNode report) =>
        [.. report["scripts"]!.AsArray().SelectMany(s => s!["checks"]!.AsArray()).Where(c => !(bool)c!["passed"]!)
            .Select(c => $"{c!["location"]!["file"]}:{c["location"]!["line"]}:{c["location"]!["column"]} {c["step"]} {c["ruleIds"]!.ToJsonString()}")];

    /// <summary>Every SARIF result as <c>ruleId uri:line:column</c>, in order.</summary>
    private static List<string> SarifResults(JsonNode sarif) =>
        [.. sarif["runs"]![0]!["results"]!.AsArray().Select(r =>
        {
            var location = r!["locations"]![0]!["physicalLocation"]!;
            return $"{r["ruleId"]} {location["artifactLocation"]!["uri"]}:{location["region"]!["startLine"]}:{location["region"]!["startColumn"]}";
        })];

    /// <summary>The report with every time and duration removed: what two runs of the same scripts share.</summary>
    private static string WithoutTimes(JsonNode report)
    {
        Strip(report);
        return report.ToJsonString();

        static void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var key in new[] { "startTime", "endTime", "durationSeconds" })
                    {
                        o.Remove(key);
                    }

                    foreach (var (_, value) in o)
                    {
                        Strip(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Strip(item);
                    }

                    break;
            }
        }
    }
}
