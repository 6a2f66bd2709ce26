namespace NetDma.ConformanceKit.Scripting;

/// <summary>What the script has done so far to one channel name: its latest <c>allocate</c> and, if any, a later <c>free</c>.</summary>
/// <param name="AllocatedAt">The latest <c>allocate</c> of the name.</param>
/// <param name="FreedAt">The <c>free</c> after it, or null while the channel is allocated.</param>
internal sealed record ScriptChannelState(SourceLocation AllocatedAt, SourceLocation? FreedAt);
