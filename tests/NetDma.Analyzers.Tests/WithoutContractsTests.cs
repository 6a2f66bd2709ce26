using NetDma.Analyzers.Tests.Support;

namespace NetDma.Analyzers.Tests;

/// <summary>A project that does not reference NetDma.Contracts gets nothing from the analyzers: no diagnostics, no exceptions.</summary>
public sealed class WithoutContractsTests
{
    [Fact]
    public async Task Code_without_NetDma_Contracts_is_left_alone_even_when_it_blocks()
    {
        const string Source = """
            using System.Threading;

            namespace NetDma.Contracts.Annotations
            {
                // A look-alike without the real contract types: the analyzers must not mistake it for them.
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class IrqlRequiresAttribute(int level) : System.Attribute
                {
                    public int Level { get; } = level;
                }
            }

            public sealed class Worker
            {
                private readonly object _gate = new();

                [NetDma.Contracts.Annotations.IrqlRequires(2)]
                public void Run()
                {
                    lock (_gate)
                    {
                        Thread.Sleep(1);
                    }
                }
            }
            """;
        var compilation = new AnalyzerRunner(referenceContracts: false).Compile([("Worker.cs", Source)]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()));

        var run = await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers());

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics.Select(d => d.ToString()));
    }
}
