using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Running;
using Xunit.Abstractions;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// Seeded fuzzing of the reports: each case takes a bundled script (conformance or self-test), damages it with
/// <see cref="ScriptMutator"/>, saves it under a file name a URI must escape, runs it in this process against the
/// reference drivers, and writes all three reports. No exception may escape and every report must be valid
/// (<see cref="ReportFiles"/>). A failure names the run seed, the case and its seed, and the mutant, escaped.
/// </summary>
/// <remarks>
/// Case <c>i</c> draws everything from <c>new Random(Seed + i)</c>, so any case replays alone. CsCheck's
/// <c>Check.Sample</c> is not used: after its seeded first iteration it draws from a timer-seeded generator, so a
/// sweep would not be the same twice. The default is a few hundred cases (a few seconds); for a large sweep set
/// <c>NETDMA_FUZZ_CASES</c>, e.g. <c>NETDMA_FUZZ_CASES=100000 dotnet test tests/NetDma.ConformanceKit.Tests --filter
/// MutatedScriptReportTests</c>, and <c>NETDMA_FUZZ_SEED</c> to start from another seed.
/// </remarks>
public sealed class MutatedScriptReportTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_261_201;
    private const int DefaultCases = 300;

    // Far above a mutant's run time on the reference drivers; a mutant that still hangs is reported as NDMA2003, which
    // the reports must hold too.
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(10);

    [Fact]
    public void Every_report_of_a_mutated_bundled_script_is_valid()
    {
        var seed = Setting("NETDMA_FUZZ_SEED", DefaultSeed);
        var cases = Setting("NETDMA_FUZZ_CASES", DefaultCases);
        var originals = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Scripts"), "*" + ConformanceRun.ScriptExtension, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Bytes: File.ReadAllBytes(path)))
            .ToList();
        Assert.True(originals.Count >= 20, $"expected the bundled scripts beside the test assembly, found {originals.Count}");
        var folder = Directory.CreateTempSubdirectory("ndma-fuzz-").FullName;
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            for (var i = 0; i < cases; i++)
            {
                var caseSeed = unchecked(seed + i);
                var random = new Random(caseSeed);
                var original = originals[random.Next(originals.Count)];
                var mutant = ScriptMutator.Mutate(original.Bytes, random);
                var path = Path.Combine(folder, ScriptMutator.FileName(random, i));
                File.WriteAllBytes(path, mutant);

                IReadOnlyList<string> problems;
                try
                {
                    var report = ConformanceRun.Run(ConformanceRun.FindScripts(path), DriverRunners.ReferenceDrivers, Watchdog);
                    var outcome = report.Scripts[0].Checks.Any(c => c.Step == ScriptExecutionSteps.ParseError) ? "parse error" : report.Scripts[0].Outcome.ToString();
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                    problems = ReportFiles.Problems(report);
                }
                catch (Exception escaped)
                {
                    problems = [$"exception escaped: {escaped}"];
                }

                if (problems.Count > 0)
                {
                    Assert.Fail(
                        $"run seed {seed}, case {i} (case seed {caseSeed}): a mutant of {original.Name} saved as {Visible(Path.GetFileName(path))}:\n" +
                        $"{string.Join("\n", problems.Take(20))}\n--- mutant (bytes that are not printable ASCII as \\xNN) ---\n{Visible(mutant)}");
                }

                File.Delete(path);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // How far the mutants got: a sweep where every mutant stops at a parse error would test little of the writers.
        output.WriteLine($"{cases} mutants from seed {seed} in {clock.Elapsed.TotalSeconds:0.0} s: " +
            string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Value} {o.Key}")));
    }

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static string Visible(string text) => Visible(Encoding.UTF8.GetBytes(text));

    private static string Visible(byte[] bytes)
    {
        var visible = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            visible.Append(b is (>= 0x20 and < 0x7F) or (byte)'\n' ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return visible.ToString();
    }
}
