using System.Text.Json;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// End to end: the real <c>netdma-kit</c> executable run as a child process (<see cref="KitProcess"/>), the way CI
/// runs it: its commands and their output.
/// </summary>
public sealed class ExecutableTests
{
    [Fact]
    public void Contracts_command_prints_the_catalog_as_JSON_with_every_DDI_and_its_contract()
    {
        var (exit, output, errors) = KitProcess.Run("contracts", "--format", "json");

        Assert.True(exit == 0, errors);
        using var json = JsonDocument.Parse(output);
        var ddis = json.RootElement.GetProperty("ddis");
        Assert.Equal(36, ddis.GetArrayLength());
        var allocate = ddis.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "DMA_CHANNEL_ALLOCATE_HANDLER");
        Assert.Equal("ProviderAllocateDmaChannel", allocate.GetProperty("role").GetString());
        Assert.Equal("DISPATCH_LEVEL", allocate.GetProperty("irql").GetProperty("max").GetString());
        Assert.Equal(JsonValueKind.Null, allocate.GetProperty("irql").GetProperty("min").ValueKind);
        Assert.False(allocate.GetProperty("irql").GetProperty("exact").GetBoolean());
        Assert.Equal(
            ["STATUS_SUCCESS", "STATUS_INSUFFICIENT_RESOURCES", "STATUS_UNSUCCESSFUL"],
            allocate.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("nc-netdma-dma_channel_allocate_handler.md", allocate.GetProperty("source").GetString());
    }

    [Fact]
    public void Rules_command_lists_every_rule_of_the_catalog()
    {
        var (exit, output, errors) = KitProcess.Run("rules");

        Assert.True(exit == 0, errors);
        Assert.All(RuleCatalog.All, rule => Assert.Contains(rule.Id, output));
    }

    [Fact]
    public void Run_with_a_broken_provider_from_an_assembly_exits_1_and_names_the_broken_rule()
    {
        var (exit, output, errors) = KitProcess.Run(
            "run", "--provider", CliTestKit.TestAssembly, "--provider-type", "CpuOutsideMaskProvider", "--scripts", BundledScripts.Conformance);

        Assert.True(exit == 1, $"exit {exit}\n{output}\n{errors}");
        Assert.Contains("NDMA3004", output);
        Assert.Contains("Conformance run failed.", output);
    }
}
