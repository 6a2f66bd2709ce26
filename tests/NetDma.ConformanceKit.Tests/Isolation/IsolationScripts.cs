using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Tests.Isolation;

/// <summary>
/// The two scripts every misbehaving provider is run through: one whose <c>allocate</c> on line
/// <see cref="AllocateLine"/> calls the misbehaving handler, then one that never allocates and must still run (and pass)
/// in a fresh worker.
/// </summary>
internal static class IsolationScripts
{
    /// <summary>The line of the <c>allocate</c> that calls ProviderAllocateDmaChannel.</summary>
    public const int AllocateLine = 7;

    public const string CrashFile = "isolation/allocate-misbehaves.ndma";

    public const string FollowingFile = "isolation/lifecycle-only.ndma";

    public const string CrashText = """
        title "ProviderAllocateDmaChannel misbehaves"
        platform processors=2 msix=off netdma=2.0
        add_device
        start_device
        buffer src 64 fill=pattern
        buffer dst 64
        allocate ch0 mask=0b01
        free ch0
        stop_device
        remove_device
        """;

    public const string FollowingText = """
        title "the provider starts and stops without allocating"
        platform processors=2 msix=off netdma=2.0
        add_device
        start_device
        stop_device
        remove_device
        assert_no_violation
        """;

    public static Script Crash => ScriptParser.Parse(CrashText, CrashFile);

    public static Script Following => ScriptParser.Parse(FollowingText, FollowingFile);

    /// <summary>Writes both scripts under <paramref name="folder"/>/isolation, in run order; returns that folder.</summary>
    public static string WriteTo(string folder)
    {
        var scripts = Path.Combine(folder, "isolation");
        Directory.CreateDirectory(scripts);
        File.WriteAllText(Path.Combine(scripts, "allocate-misbehaves.ndma"), CrashText);
        File.WriteAllText(Path.Combine(scripts, "lifecycle-only.ndma"), FollowingText);
        return scripts;
    }
}
