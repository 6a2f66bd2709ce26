namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_copied src+0 dst+0 512</c>: the <see cref="Length"/> bytes at <see cref="Destination"/> equal those at
/// <see cref="Source"/>.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Source">Start of the expected bytes.</param>
/// <param name="Destination">Start of the bytes to check.</param>
/// <param name="Length">Bytes compared, at least 1, within both buffers.</param>
public sealed record AssertCopiedCommand(SourceLocation Location, BufferRef Source, BufferRef Destination, uint Length)
    : ScriptCommand(Location);
