using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// Breaks NDMA2002 with an exception whose message holds characters XML 1.0 cannot hold (NUL, other C0 controls, an
/// escape sequence, lone surrogates, U+FFFE, U+FFFF): the message reaches every report through the violation.
/// </summary>
public sealed class UnwritableTextProvider : BrokenNetDmaProvider
{
    /// <summary>The exception message ProviderStartDma throws.</summary>
    public const string ExceptionMessage = "ring\0corrupt \u0001\u0008\u001B[31m red \uD800 high \uDFFF low \uFFFE\uFFFF end";

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        characteristics.StartDma = (_, _, _, _) => throw new InvalidOperationException(ExceptionMessage);
    }
}
