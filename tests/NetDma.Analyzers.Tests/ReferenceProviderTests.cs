using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Tests.Support;

namespace NetDma.Analyzers.Tests;

/// <summary>
/// The reference provider (src/ReferenceProvider, read from disk) is correct provider code: every analyzer of the
/// assembly runs over it with zero NDMA diagnostics and zero analyzer exceptions, as its warnings-as-errors build with
/// the analyzers enabled requires.
/// </summary>
public sealed class ReferenceProviderTests
{
    [Fact]
    public async Task The_reference_provider_compiles_and_every_analyzer_reports_nothing_on_it()
    {
        var files = RepositoryFiles.CSharpFiles("src/ReferenceProvider");
        Assert.NotEmpty(files);
        var runner = new AnalyzerRunner();
        var compilation = runner.Compile(files.Select(path => (path, File.ReadAllText(path))));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

        var run = await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers());

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics.Where(d => d.Id.StartsWith("NDMA", StringComparison.Ordinal) || d.Id == "AD0001").Select(d => d.ToString()));
    }

    /// <summary>
    /// The same run catches a bug planted in the reference provider, so the silence above comes from analysis, not from
    /// analyzers that never looked: one planted change, the only rule it may break (a planted call in a shared helper is
    /// reported once per chain that reaches it), and the IRQL source one message must name.
    /// </summary>
    [Theory]
    [InlineData("NetDma/ReferenceNetDmaProviderDriver.Handlers.cs", "PoolType.NonPagedPoolNx", "PoolType.PagedPool", "NDMA1003", "ProviderAllocateDmaChannel runs at IRQL <= DISPATCH_LEVEL")]
    [InlineData("NetDma/ReferenceNetDmaProviderDriver.Interrupts.cs", "var owner = channel.Owner;", "var owner = channel.Owner; Thread.Sleep(1);", "NDMA1002", "KeAcquireSpinLock raised the IRQL to DISPATCH_LEVEL")]
    [InlineData("NetDma/ReferenceNetDmaProviderDriver.Interrupts.cs", "NetDmaInterface.NetDmaInterruptDpc(owner!.NetDmaChannelHandle, dmaDescriptor);", "NetDmaInterface.NetDmaProviderStop(_providerHandle);", "NDMA1001", "KDeferredRoutine runs at IRQL = DISPATCH_LEVEL")]
    [InlineData("Wdm/BusMasterSampleDriver.cs", "Kernel.IoCompleteRequest(transfer.Irp, status, transfer.BytesTransferred);", "Kernel.IoDisconnectInterruptEx(_interrupt!);", "NDMA1001", "StartIo runs at IRQL = DISPATCH_LEVEL")]
    public async Task A_bug_planted_in_the_reference_provider_is_reported(string file, string original, string planted, string id, string origin)
    {
        var target = RepositoryFiles.PathOf("src/ReferenceProvider/" + file);
        var sources = RepositoryFiles.CSharpFiles("src/ReferenceProvider").Select(path =>
        {
            var text = File.ReadAllText(path);
            if (path == target)
            {
                Assert.Contains(original, text);
                text = text.Replace(original, planted);
            }

            return (path, text);
        });
        var runner = new AnalyzerRunner();
        var compilation = runner.Compile(sources);

        var run = await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers());

        Assert.Empty(run.Exceptions);
        var reported = run.Diagnostics.Where(d => d.Id.StartsWith("NDMA", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reported);
        Assert.All(reported, d => Assert.Equal(id, d.Id));
        Assert.Contains(reported, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(origin, StringComparison.Ordinal));
    }
}
