using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Tests.Exploration;

/// <summary>
/// The lanes hand out batches of case indices and commit results in index order: a batch that ends early at a result
/// whose commit stops the run is a normal end; one that ends early without such a result would skip cases silently,
/// and is an error instead.
/// </summary>
public sealed class CaseLanesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(32)]
    public void Every_case_is_committed_once_in_order_whatever_the_batch_size(int batch)
    {
        using var lanes = new CaseLanes(new UnusedRunner());
        var committed = new List<int>();

        lanes.Run(0, 10, batch, (_, first, count) => Enumerable.Range(first, count).ToList(), (i, value) =>
        {
            Assert.Equal(i, value);
            committed.Add(i);
            return true;
        });

        Assert.Equal(Enumerable.Range(0, 10), committed);
    }

    [Fact]
    public void A_batch_that_ends_at_a_stopping_result_ends_the_run()
    {
        using var lanes = new CaseLanes(new UnusedRunner());
        var committed = new List<int>();

        // Case 5 fails: the runner stops there, and the commit stops the run on it.
        lanes.Run(0, 10, 4, (_, first, count) => Enumerable.Range(first, count).TakeWhile(i => i <= 5).ToList(), (i, _) =>
        {
            committed.Add(i);
            return i != 5;
        });

        Assert.Equal(Enumerable.Range(0, 6), committed);
    }

    [Fact]
    public void A_batch_that_ends_early_without_a_stopping_result_is_an_error_not_skipped_cases()
    {
        using var lanes = new CaseLanes(new UnusedRunner());
        var committed = new List<int>();

        var error = Assert.Throws<InvalidOperationException>(() =>
            lanes.Run(0, 10, 4, (_, first, count) => Enumerable.Range(first, Math.Min(count, 2)).ToList(), (i, _) =>
            {
                committed.Add(i);
                return true;
            }));

        Assert.Contains("ended after 2", error.Message, StringComparison.Ordinal);
        Assert.Equal([0, 1], committed);
    }

    /// <summary>The lanes' runner, which these tests' run callbacks never use.</summary>
    private sealed class UnusedRunner : IScriptRunner
    {
        public string DriverName => "unused";

        public bool HasNetDmaDriver => true;

        public ScriptResult Run(ConformanceKit.Scripting.Script script) => throw new InvalidOperationException("the lanes ran a script themselves");

        public void Dispose()
        {
        }
    }
}
