using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;
using NetDma.ConformanceKit.Concurrency;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>
/// <see cref="ControlledScheduler"/> runs a schedule's concurrent operations on threads it starts once
/// (<see cref="OperationThread"/>): every block of one schedule uses the threads of its first, the i-th operation on the
/// i-th thread, and an operation that throws fails only its block; threads handed to it by the explorer serve later
/// schedules too. Coyote iterations with seed 1.
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Threads_handed_to_every_schedule_run_the_operations_of_later_schedules_and_threads_of_a_schedule_end_with_it(bool shared)
    {
        // With the Coyote in use the threads can outlive a schedule (else the explorer falls back to threads per schedule).
        Assert.True(OperationThread.CanOutliveSchedule);
        const int schedules = 3;
        var list = shared ? new List<OperationThread>() : null;
        var threads = new List<int[]>();
        try
        {
            RunSchedules(schedules, () =>
            {
                using var scheduler = new ControlledScheduler(list);
                threads.Add(RunBlock(scheduler, throwing: null));
                threads.Add(RunBlock(scheduler, throwing: null));
            });
        }
        finally
        {
            if (list is not null)
            {
                OperationThread.EndAll(list);
            }
        }

        Assert.Equal(2 * schedules, threads.Count);
        var distinct = threads.SelectMany(block => block).Distinct().Count();
        Assert.Equal(shared ? Operations : schedules * Operations, distinct);
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

    private static void RunOneSchedule(Action test) => RunSchedules(1, test);

    private static void RunSchedules(uint schedules, Action test)
    {
        var configuration = Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithRandomStrategy()
            .WithRandomGeneratorSeed(1)
            .WithTestingIterations(schedules);
        using var engine = TestingEngine.Create(configuration, test);
        engine.SetLogger(new MemoryLogger(VerbosityLevel.None));
        engine.Run();
        Assert.True(engine.TestReport.NumOfFoundBugs == 0, string.Join(Environment.NewLine, engine.TestReport.BugReports));
    }
}
