using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// Finds the provider's optional handlers the way a script would: one short script per handler that allocates,
/// starts and then calls it. The runner skips a script that needs a NULL handler (CapabilityMissingException), so a
/// skipped probe means the handler is absent; any other outcome means it is present (a provider that fails the probe
/// is left for the exploration to report).
/// </summary>
internal static class CapabilityProbe
{
    public static ProviderCapabilities Probe(IScriptRunner runner)
    {
        bool Has(string operation) => runner.Run(ScriptParser.Parse(ProbeScript(operation), $"probe-{operation}.ndma")).Outcome != ScriptOutcome.Skipped;
        return new ProviderCapabilities(Has(ScriptKeywords.Suspend), Has(ScriptKeywords.Abort), Has(ScriptKeywords.Reset));
    }

    private static string ProbeScript(string operation) =>
        $"""
        title "does the provider have the handler behind '{operation}'?"
        platform processors=1 msix=off netdma=2.0
        add_device
        start_device
        buffer src 64 fill=pattern
        buffer dst 64
        chain c0 src+0->dst+0:64
        allocate ch0 mask=0x1
        start ch0 c0
        {operation} ch0
        """;
}
