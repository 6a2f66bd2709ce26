using NetDma.ConformanceKit.Exploration;

namespace NetDma.ConformanceKit.Verification;

/// <summary>What <see cref="ProviderVerification.Run"/> runs besides the provider's declared profile.</summary>
public sealed record VerificationOptions
{
    /// <summary>The seed of the generated sequences unless told otherwise: fixed, so a CI run is the same every time.</summary>
    public const string DefaultSeed = "0000000001G3";

    /// <summary>The conformance scripts (a file or a folder); default the bundled suite copied beside the kit (<c>Scripts/conformance</c>).</summary>
    public string ScriptsPath { get; init; } = Path.Combine(AppContext.BaseDirectory, "Scripts", "conformance");

    /// <summary>Generated NetDMA call sequences to run after the scripts, 0 for none (default 200).</summary>
    public int GeneratedSequences { get; init; } = 200;

    /// <summary>Most generated steps per sequence, 0..200 (default 24).</summary>
    public int MaxOperations { get; init; } = 24;

    /// <summary>The CsCheck seed of the first generated sequence (default <see cref="DefaultSeed"/>).</summary>
    public string Seed { get; init; } = DefaultSeed;

    /// <summary>Shrink candidates tried after a generated sequence fails (default 500).</summary>
    public int ShrinkIterations { get; init; } = 500;

    internal ExplorationOptions Exploration(ProviderProfile profile) => new()
    {
        Seed = Seed,
        Iterations = GeneratedSequences,
        MaxOperations = MaxOperations,
        ShrinkIterations = ShrinkIterations,
        ChannelCount = profile.ChannelCount,
        Platforms = profile.Platforms,
        Capabilities = profile.OptionalHandlers,
    };
}
