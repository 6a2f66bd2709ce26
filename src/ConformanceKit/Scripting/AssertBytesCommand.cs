namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_bytes dst+512 512 0x00</c>: every one of the <see cref="Length"/> bytes at <see cref="At"/> is <see
/// cref="Value"/>.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="At">Start of the bytes to check.</param>
/// <param name="Length">Bytes checked, at least 1, within the buffer.</param>
/// <param name="Value">The expected byte.</param>
public sealed record AssertBytesCommand(SourceLocation Location, BufferRef At, uint Length, byte Value)
    : ScriptCommand(Location);
