using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;
using NetDma.ConformanceKit.Concurrency;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>
/// <see cref="ControlledScheduler"/> runs a schedule's concurrent operations on threads it starts once
/// (<see cref="OperationThread"/>): every block of one schedule uses the threads of its first, the i-th operation on the
/// i-th thread, and an operation that throws fails only its block. One Coyote iteration, seed 1.
/// </summary>
public sealed class OperationThreadTests
{
    private const int Operations = 3;
    private const int Blocks = 4;

    [Fact]
    public void Every_block_of_a_schedule_runs_on_the_threads_of_its_first_block()
    {
        var threads = new List<int[]>();
        RunOneSchedule(() =>
        {
            using var scheduler = new ControlledScheduler();
            for (var block = 0; block < Blocks; block++)
            {
                threads.Add(RunBlock(scheduler, throwing: null));
            }
        });

        Assert.Equal(Blocks, threads.Count);
        Assert.Equal(Operations, threads[0].Distinct().Count());
        Assert.All(threads, block => Assert.Equal(threads[0], block));
    }

    [Fact]
    public void An_operation_that_throws_fails_its_block_and_its_thread_runs_the_next_block()
    {
        string? failure = null;
        int[]? first = null;
        int[]? next = null;
        RunOneSchedule(() =>
        {
            using var scheduler = new ControlledScheduler();
            try
            {
                RunBlock(scheduler, throwing: 1);
            }
            catch (InvalidOperationException exception)
            {
                failure = exception.Message;
            }

            first = RunBlock(scheduler, throwing: null);
            next = RunBlock(scheduler, throwing: null);
        });

        Assert.Equal("planted failure of operation 1", failure);
        Assert.NotNull(first);
        Assert.Equal(first, next);
        Assert.Equal(Operations, first.Distinct().Count());
    }

    /// <summary>One block of <see cref="Operations"/> operations, each recording its thread around a scheduling point.</summary>
    private static int[] RunBlock(ControlledScheduler scheduler, int? throwing)
    {
        var threads = new int[Operations];
        scheduler.RunConcurrently([.. Enumerable.Range(0, Operations).Select(i => (Action)(() =>
        {
            threads[i] = Environment.CurrentManagedThreadId;
            scheduler.Interleave();
            if (i == throwing)
            {
                throw new InvalidOperationException($"planted failure of operation {i}");
            }

            scheduler.Interleave();
        }))]);
        return threads;
    }

    private static void RunOneSchedule(Action test)
    {
        var configuration = Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithRandomStrategy()
            .WithRandomGeneratorSeed(1)
            .WithTestingIterations(1);
        using var engine = TestingEngine.Create(configuration, test);
        engine.SetLogger(new MemoryLogger(VerbosityLevel.None));
        engine.Run();
        Assert.True(engine.TestReport.NumOfFoundBugs == 0, string.Join(Environment.NewLine, engine.TestReport.BugReports));
    }
}
