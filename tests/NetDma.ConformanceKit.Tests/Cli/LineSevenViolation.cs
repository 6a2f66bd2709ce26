namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// A script whose only failure is a violation observed on line 7 (the allocate) when the provider is
/// <see cref="BrokenProviders.CpuOutsideMaskProvider"/>: NDMA3004, reported as an unexpected violation at 7:1.
/// The reference provider passes it.
/// </summary>
internal static class LineSevenViolation
{
    public const string Provider = nameof(BrokenProviders.CpuOutsideMaskProvider);

    public const string Rule = "NDMA3004";

    public const string Script =
        "title \"a CpuNumber outside the mask, observed on line 7\"\n" +
        "platform processors=4 msix=off netdma=2.0\n" +
        "add_device\n" +
        "start_device\n" +
        "buffer src 4096 fill=pattern\n" +
        "buffer dst 4096\n" +
        "allocate ch0 mask=0b0100\n";

    /// <summary>
    /// Writes the script three folders deep under <paramref name="root"/>, so that its path (and the display name the
    /// report uses for it, which starts at <paramref name="root"/>'s name) is longer than 200 characters.
    /// </summary>
    /// <returns>The script's full path.</returns>
    public static string WriteDeep(string root)
    {
        var folder = Path.Combine(root, new string('a', 70), new string('b', 70), new string('c', 70));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "line7.ndma");
        File.WriteAllText(path, Script);
        return path;
    }
}
