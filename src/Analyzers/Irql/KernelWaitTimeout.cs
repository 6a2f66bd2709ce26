namespace NetDma.Analyzers.Irql;

/// <summary>What the <c>Timeout</c> argument of a kernel wait says, as far as the source shows it.</summary>
internal enum KernelWaitTimeout
{
    /// <summary>A constant 0: a poll, which does not block.</summary>
    Poll,

    /// <summary>A constant null (or <c>default</c>): an infinite wait.</summary>
    Infinite,

    /// <summary>A non-zero constant.</summary>
    NonZero,

    /// <summary>A value computed at run time: it can be non-zero.</summary>
    Computed,
}
