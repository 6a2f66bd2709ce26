using System.Text.Json;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// Every report places a violation at the script command that caused it, not where the script ends: the
/// <c>allocate</c> on line 7 makes CpuOutsideMaskProvider break NDMA3004, and JUnit, SARIF and JSON all say line 7,
/// whether the violation is left for the end of the script or found by an <c>assert_no_violation</c> on the last line.
/// </summary>
public sealed class ViolationLocationTests : IDisposable
{
    private const int AllocateLine = 7;
    private const int LastLine = 12;
    private const string ScriptName = "violation-line.ndma";

    private const string Script = """
        # The allocate on line 7 breaks NDMA3004 with CpuOutsideMaskProvider (it reports CpuNumber 2 for mask 0b0010).
        title "a violation reported at the command that caused it"
        platform processors=4 msix=on netdma=2.0

        add_device
        start_device
        allocate ch0 mask=0b0010
        assert_status STATUS_SUCCESS
        free ch0
        stop_device
        remove_device
        assert_no_violation

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("ndma-location-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<bool> EndsWithAssertNoViolation => new() { true, false };

    private RunReport Run(bool endsWithAssertNoViolation)
    {
        var text = endsWithAssertNoViolation ? Script : Script.Replace("assert_no_violation\n", "", StringComparison.Ordinal);
        var path = Path.Combine(_folder, ScriptName);
        File.WriteAllText(path, text);
        var report = ConformanceRun.Run(ConformanceRun.FindScripts(path), new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null), TimeSpan.FromSeconds(20));
        var violation = Assert.Single(report.Scripts[0].Violations);
        Assert.Equal("NDMA3004", violation.Rule.Id);
        return report;
    }

    [Theory]
    [MemberData(nameof(EndsWithAssertNoViolation))]
    public void JUnit_places_the_violation_at_the_allocate_line(bool endsWithAssertNoViolation)
    {
        var failure = JUnitReportWriter.ToXml(Run(endsWithAssertNoViolation)).Descendants("failure").Single();

        Assert.Equal("NDMA3004", (string?)failure.Attribute("type"));
        Assert.StartsWith($"{ScriptName}:{AllocateLine}:1: ", failure.Value, StringComparison.Ordinal);
        Assert.DoesNotContain($"{ScriptName}:{LastLine}:", failure.Value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EndsWithAssertNoViolation))]
    public void SARIF_places_the_violation_at_the_allocate_line_and_relates_the_check_that_found_it(bool endsWithAssertNoViolation)
    {
        using var sarif = JsonDocument.Parse(SarifReportWriter.ToJson(Run(endsWithAssertNoViolation)));

        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("NDMA3004", result.GetProperty("ruleId").GetString());
        Assert.Equal(AllocateLine, Region(result.GetProperty("locations")[0]).GetProperty("startLine").GetInt32());
        if (endsWithAssertNoViolation)
        {
            Assert.Equal(LastLine, Region(result.GetProperty("relatedLocations")[0]).GetProperty("startLine").GetInt32());
        }
        else
        {
            Assert.False(result.TryGetProperty("relatedLocations", out _));
        }
    }

    [Theory]
    [MemberData(nameof(EndsWithAssertNoViolation))]
    public void JSON_places_the_violation_at_the_allocate_line(bool endsWithAssertNoViolation)
    {
        using var json = JsonDocument.Parse(JsonReportWriter.ToJson(Run(endsWithAssertNoViolation)));

        var script = json.RootElement.GetProperty("scripts")[0];
        var violation = Assert.Single(script.GetProperty("violations").EnumerateArray());
        Assert.Equal(AllocateLine, violation.GetProperty("location").GetProperty("line").GetInt32());
        var failed = Assert.Single(script.GetProperty("checks").EnumerateArray(), c => !c.GetProperty("passed").GetBoolean());
        Assert.Equal(AllocateLine, failed.GetProperty("location").GetProperty("line").GetInt32());
        Assert.Equal(endsWithAssertNoViolation, failed.TryGetProperty("assertedAt", out var assertedAt));
        if (endsWithAssertNoViolation)
        {
            Assert.Equal(LastLine, assertedAt.GetProperty("line").GetInt32());
        }
    }

    private static JsonElement Region(JsonElement location) => location.GetProperty("physicalLocation").GetProperty("region");
}
