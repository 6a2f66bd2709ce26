namespace NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

/// <summary>Ends its process with <see cref="Environment.FailFast(string)"/> in ProviderAllocateDmaChannel (SIGABRT on Unix).</summary>
public sealed class FailFastProvider : ProcessKillingProvider
{
    /// <summary>The message FailFast prints; the kit's report quotes the worker's last output.</summary>
    public const string Message = "descriptor ring corrupted beyond repair";

    protected override void Misbehave() => System.Environment.FailFast(Message);
}
