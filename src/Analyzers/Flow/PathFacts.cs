using System;

namespace NetDma.Analyzers.Flow;

/// <summary>Facts a path has established, beyond variable values.</summary>
[Flags]
internal enum PathFacts
{
    None = 0,

    /// <summary>
    /// <c>ChannelParameters.CpuNumber</c> was written on the path, or the ChannelParameters object escaped (passed to a
    /// call, stored, aliased) so a write cannot be ruled out.
    /// </summary>
    CpuNumberWritten = 1,
}
