namespace NetDma.ConformanceKit.Exploration;

/// <summary>What the model knows about one submitted descriptor; only certain knowledge becomes an assertion.</summary>
internal enum DescriptorFate
{
    /// <summary>Submitted and certainly not processed: the engine has had no hardware step and no suspend since.</summary>
    Pending,

    /// <summary>Outstanding, and perhaps processed (a <c>run steps=k</c> or a suspend came after its submission).</summary>
    Maybe,

    /// <summary>Certainly copied: a full <c>run</c> came while its channel was started; asserted with <c>assert_copied</c>.</summary>
    Copied,

    /// <summary>Discarded by abort or reset while pending: its destination must never be written; asserted with <c>assert_bytes</c>.</summary>
    Untouched,

    /// <summary>Discarded while perhaps processed, or dropped by a new start: not asserted either way.</summary>
    Unknown,
}
