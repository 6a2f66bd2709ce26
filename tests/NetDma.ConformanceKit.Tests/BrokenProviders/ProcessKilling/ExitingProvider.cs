namespace NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

/// <summary>Calls <see cref="Environment.Exit(int)"/> with code <see cref="ExitCode"/> in ProviderAllocateDmaChannel.</summary>
public sealed class ExitingProvider : ProcessKillingProvider
{
    /// <summary>The exit code the report must show.</summary>
    public const int ExitCode = 3;

    protected override void Misbehave() => System.Environment.Exit(ExitCode);
}
