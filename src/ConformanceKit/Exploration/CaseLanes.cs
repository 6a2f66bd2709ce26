using System.Runtime.ExceptionServices;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// Runs a range of independent exploration cases on several lanes at once (<c>explore --parallel N</c>), each lane a
/// thread with its own <see cref="IScriptRunner"/> (its own worker process under isolation), and hands every result
/// to one commit callback in case order, so what the explorer counts, reports and stops on does not depend on how
/// many lanes ran or which finished first.
/// </summary>
/// <remarks>
/// Lanes take the next batch of case indices from a shared counter (a batch goes to the runner at once: one request
/// to a worker process for all its cases; it may end early, at a case whose commit stops the run). A finished case waits in a buffer (at most one batch per lane, so memory
/// does not grow with the number of cases) until every lower index is committed. When the commit callback says stop
/// (the first failing case in case order) no lane takes a further batch; batches already running on other lanes
/// finish and are dropped uncommitted. An exception thrown while running a batch is committed at its first index, in
/// order, and rethrown once the lanes have stopped: a batch that throws after the first failure is never seen. The
/// batch size changes only how the cases are handed over, never what is committed.
/// </remarks>
internal sealed class CaseLanes : IDisposable
{
    private readonly Func<IScriptRunner>? create;
    private readonly List<IScriptRunner> runners = [];
    private readonly bool ownsPrimary;

    /// <summary>Lanes over one caller-owned runner: everything runs on the calling thread.</summary>
    public CaseLanes(IScriptRunner primary)
    {
        runners.Add(primary);
        Count = 1;
    }

    /// <summary>
    /// Up to <paramref name="count"/> lanes, each with a runner from <paramref name="create"/>; the first is made now
    /// (<see cref="Primary"/>), the others when a run needs them. Every runner made here is disposed with the lanes.
    /// </summary>
    public CaseLanes(Func<IScriptRunner> create, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        this.create = create;
        runners.Add(create());
        ownsPrimary = true;
        Count = count;
    }

    /// <summary>Most lanes a run uses.</summary>
    public int Count { get; }

    /// <summary>The first lane's runner: it probes the provider before the search and shrinks the failure after it.</summary>
    public IScriptRunner Primary => runners[0];

    /// <summary>
    /// Runs cases <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive) with
    /// <paramref name="run"/>, which gets a runner, a batch's first index and its count (at most
    /// <paramref name="batch"/>, fewer when the range is too short to give every lane a full one) and returns the
    /// results of the batch's cases in order (all of them, or fewer, ending with one whose commit stops the run), and
    /// commits each result in index order with <paramref name="commit"/>, which returns false to stop the run after
    /// that case. A short batch whose last result does not stop the run is a fault of <paramref name="run"/>, thrown.
    /// </summary>
    public void Run<T>(int start, int end, int batch, Func<IScriptRunner, int, int, IReadOnlyList<T>> run, Func<int, T, bool> commit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        // Batches small enough that every lane gets one: a short range is spread over the lanes, not run by one.
        var range = Math.Max(end - start, 0);
        batch = Math.Clamp((range + Count - 1) / Count, 1, batch);
        var state = new State<T>(start, end, batch, run, commit);
        var lanes = Math.Min(Count, (range + batch - 1) / batch);
        if (lanes <= 1)
        {
            state.Lane(Primary);
        }
        else
        {
            EnsureRunners(lanes);
            var threads = new Thread[lanes];
            for (var lane = 0; lane < lanes; lane++)
            {
                var runner = runners[lane];
                threads[lane] = new Thread(() => state.Lane(runner)) { IsBackground = true, Name = $"explore lane {lane + 1}" };
                threads[lane].Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }
        }

        state.Error?.Throw();
    }

    /// <summary>Disposes the runners these lanes made (not a caller-owned primary).</summary>
    public void Dispose()
    {
        for (var i = ownsPrimary ? 0 : 1; i < runners.Count; i++)
        {
            runners[i].Dispose();
        }
    }

    private void EnsureRunners(int lanes)
    {
        if (create is null)
        {
            return;
        }

        // Made in parallel: a worker runner starts a process, which takes far longer than a case.
        var made = new IScriptRunner[lanes - runners.Count];
        Parallel.For(0, made.Length, i => made[i] = create());
        runners.AddRange(made);
    }

    /// <summary>What the lanes of one run share; every field behind <see cref="gate"/>.</summary>
    private sealed class State<T>(int start, int end, int batch, Func<IScriptRunner, int, int, IReadOnlyList<T>> run, Func<int, T, bool> commit)
    {
        private readonly Lock gate = new();
        private readonly Dictionary<int, (T Value, ExceptionDispatchInfo? Error)> finished = [];
        private int next = start;
        private int committed = start;
        private bool stopped;

        public ExceptionDispatchInfo? Error { get; private set; }

        public void Lane(IScriptRunner runner)
        {
            while (true)
            {
                int first, count;
                lock (gate)
                {
                    if (stopped || next >= end)
                    {
                        return;
                    }

                    first = next;
                    count = Math.Min(batch, end - first);
                    next += count;
                }

                IReadOnlyList<T>? values = null;
                ExceptionDispatchInfo? error = null;
                try
                {
                    values = run(runner, first, count);
                    if (values.Count is 0 || values.Count > count)
                    {
                        throw new InvalidOperationException($"a batch of {count} cases gave {values.Count} results");
                    }
                }
                catch (Exception e)
                {
                    error = ExceptionDispatchInfo.Capture(e);
                }

                lock (gate)
                {
                    if (error is not null)
                    {
                        finished[first] = (default!, error);
                    }
                    else
                    {
                        for (var i = 0; i < values!.Count; i++)
                        {
                            finished[first + i] = (values[i], null);
                        }

                        if (values.Count < count)
                        {
                            // The batch ended early: its last result must stop the run, or this is committed next.
                            finished[first + values.Count] = (default!, ExceptionDispatchInfo.Capture(new InvalidOperationException(
                                $"a batch of {count} cases from case {first} ended after {values.Count} without a result that stops the run")));
                        }
                    }

                    CommitReady();
                }
            }
        }

        private void CommitReady()
        {
            while (!stopped && finished.Remove(committed, out var ready))
            {
                var index = committed++;
                if (ready.Error is not null)
                {
                    Stop(ready.Error);
                    return;
                }

                try
                {
                    if (!commit(index, ready.Value))
                    {
                        stopped = true;
                    }
                }
                catch (Exception e)
                {
                    Stop(ExceptionDispatchInfo.Capture(e));
                }
            }
        }

        private void Stop(ExceptionDispatchInfo error)
        {
            Error = error;
            stopped = true;
        }
    }
}
