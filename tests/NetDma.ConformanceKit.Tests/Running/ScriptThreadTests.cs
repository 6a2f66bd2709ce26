using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Tests.Running;

/// <summary>
/// <see cref="ScriptThread"/>: scripts of one in-process runner run one after another on one thread (no thread per
/// script), a script that outlives its watchdog is reported as not finished, and an abandoned thread ends once its
/// script returns. (That the run goes on after a hung script is BrokenProviderTests' NDMA2003 test.)
/// </summary>
public sealed class ScriptThreadTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    [Fact]
    public void Scripts_run_one_after_another_on_one_thread_that_is_not_the_caller_s()
    {
        using var thread = new ScriptThread();
        var ids = new List<int>();

        for (var i = 0; i < 3; i++)
        {
            Assert.True(thread.Run(() => ids.Add(Environment.CurrentManagedThreadId), Watchdog));
        }

        Assert.Equal(3, ids.Count);
        Assert.Single(ids.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, ids[0]);
    }

    [Fact]
    public void A_script_past_its_watchdog_is_not_finished_and_its_abandoned_thread_ends_when_it_returns()
    {
        using var release = new ManualResetEventSlim(false);
        using var started = new ManualResetEventSlim(false);
        Thread? worker = null;
        var thread = new ScriptThread();

        var finished = thread.Run(() =>
        {
            worker = Thread.CurrentThread;
            started.Set();
            release.Wait();
        }, TimeSpan.FromMilliseconds(50));
        thread.Abandon();

        Assert.False(finished);
        Assert.True(started.Wait(Watchdog));
        Assert.True(worker!.IsAlive);
        release.Set();
        Assert.True(worker.Join(Watchdog), "the abandoned thread did not end after its script returned");
    }
}
