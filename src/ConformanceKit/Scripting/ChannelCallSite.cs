using NetDma.ConformanceKit.Host;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>The IRQL and CPU a channel operation's <c>irql=</c> and <c>cpu=</c> options give its NetDMA call.</summary>
internal static class ChannelCallSite
{
    /// <summary>The call site of channel operation <paramref name="command"/>.</summary>
    /// <exception cref="ArgumentException">The command is not a channel operation with a call site.</exception>
    public static CallSite Of(ScriptCommand command) => command switch
    {
        FreeCommand c => c.Site,
        StartDmaCommand c => c.Site,
        AppendDmaCommand c => c.Site,
        SuspendDmaCommand c => c.Site,
        ResumeDmaCommand c => c.Site,
        AbortDmaCommand c => c.Site,
        ResetChannelCommand c => c.Site,
        _ => throw new ArgumentException($"{command.GetType().Name} is not a channel operation with a call site.", nameof(command)),
    };
}
