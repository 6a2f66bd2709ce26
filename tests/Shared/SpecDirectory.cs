namespace NetDma.Tests.Shared;

/// <summary>
/// Finds the Microsoft reference pages (compiled into every test project that reads them, from tests/Shared) (<c>shared/spec</c>): <c>$NETDMA_SPEC_DIR</c> when set, else
/// <c>&lt;repo root&gt;/../shared/spec</c>, the repo root being the first folder above the test binaries that holds
/// <c>NetDmaConformance.sln</c>. When the pages cannot be found the tests that need them fail, never skip: a fidelity
/// test that silently does not run checks nothing.
/// </summary>
internal static class SpecDirectory
{
    public const string EnvironmentVariable = "NETDMA_SPEC_DIR";
    private const string SolutionFile = "NetDmaConformance.sln";

    private static readonly Lazy<string> Located = new(() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory));

    /// <summary>The spec root (holds <c>ddi/netdma</c>, <c>ddi/wdm</c>, <c>guides</c>).</summary>
    public static string Root => Located.Value;

    /// <summary>The DDI page folders the fidelity test covers.</summary>
    public static IReadOnlyList<string> DdiFolders => [Path.Combine(Root, "ddi", "netdma"), Path.Combine(Root, "ddi", "wdm")];

    /// <summary>Every DDI reference page of <see cref="DdiFolders"/>, without the folders' TOC.md and index.md.</summary>
    public static IReadOnlyList<string> DdiPages() =>
        [.. DdiFolders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.md"))
            .Where(file => Path.GetFileName(file) is not ("TOC.md" or "index.md"))
            .OrderBy(file => Path.GetFileName(file), StringComparer.Ordinal)];

    /// <summary>
    /// The spec root for a <c>NETDMA_SPEC_DIR</c> value (<paramref name="fromEnvironment"/>, null when unset) and a
    /// folder inside the repository (<paramref name="startDirectory"/>, the test binaries' folder).
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither place holds the pages; the message names both and how to set the variable.</exception>
    internal static string Locate(string? fromEnvironment, string startDirectory)
    {
        var repoRoot = FindRepoRoot(startDirectory);
        var besideRepo = repoRoot is null ? null : Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "spec"));

        var candidate = string.IsNullOrWhiteSpace(fromEnvironment) ? besideRepo : fromEnvironment;
        if (candidate is not null && Directory.Exists(Path.Combine(candidate, "ddi", "netdma")))
        {
            return candidate;
        }

        throw new InvalidOperationException(
            "The NetDMA reference pages (shared/spec with ddi/netdma and ddi/wdm) were not found. Looked at: " +
            $"${EnvironmentVariable} = {(string.IsNullOrWhiteSpace(fromEnvironment) ? "(not set)" : fromEnvironment)}; " +
            $"<repo root>/../shared/spec = {besideRepo ?? $"(no folder holding {SolutionFile} above {startDirectory})"}. " +
            $"Set {EnvironmentVariable} to the spec folder, e.g. {EnvironmentVariable}=/work/shared/spec dotnet test tests/NetDma.Contracts.Tests.");
    }

    private static string? FindRepoRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
