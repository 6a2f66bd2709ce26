using System.Runtime.ExceptionServices;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// The default <see cref="IProcessorScheduler"/>: one call at a time, no scheduling points, concurrent operations run
/// one after the other in the order given (one legal schedule of them).
/// </summary>
internal sealed class SequentialScheduler : IProcessorScheduler
{
    /// <summary>The one instance (the scheduler has no state).</summary>
    public static SequentialScheduler Instance { get; } = new();

    private SequentialScheduler()
    {
    }

    /// <inheritdoc/>
    public bool Interleaves => false;

    /// <inheritdoc/>
    public void Interleave()
    {
    }

    /// <inheritdoc/>
    public void Read(string state)
    {
    }

    /// <inheritdoc/>
    public void Write(string state)
    {
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The condition does not hold: nothing else could ever make it hold.</exception>
    public void WaitUntil(Func<bool> condition)
    {
        if (!condition())
        {
            throw new InvalidOperationException("A sequential machine cannot wait: no other processor runs meanwhile.");
        }
    }

    /// <inheritdoc/>
    public void RunConcurrently(IReadOnlyList<Action> operations)
    {
        ExceptionDispatchInfo? first = null;
        foreach (var operation in operations)
        {
            try
            {
                operation();
            }
            catch (Exception exception) when (first is null)
            {
                first = ExceptionDispatchInfo.Capture(exception);
            }
        }

        first?.Throw();
    }
}
