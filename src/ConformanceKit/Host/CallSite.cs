using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Host;

/// <summary>Where NetDMA makes a call: on which processor (a CPU number) and at which IRQL.</summary>
/// <param name="Cpu">CPU number, 0-based.</param>
/// <param name="Irql">The IRQL the handler is entered at.</param>
public readonly record struct CallSite(uint Cpu, Irql Irql)
{
    /// <summary>Processor 0 at PASSIVE_LEVEL: where the PnP manager calls driver entry points.</summary>
    public static CallSite Passive => new(0, Irql.PASSIVE_LEVEL);

    /// <inheritdoc/>
    public override string ToString() => $"cpu{Cpu} {Irql.ToDdiName()}";
}
