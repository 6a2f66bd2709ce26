namespace NetDma.Analyzers.Tests.Support;

/// <summary>Files of the repository the tests read: found by walking up from the test binaries to NetDmaConformance.sln.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The directory holding NetDmaConformance.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The full path of <paramref name="relative"/> (forward slashes) under the repository root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Every .cs file under <paramref name="relativeDirectory"/>, outside bin and obj, in ordinal path order.</summary>
    public static IReadOnlyList<string> CSharpFiles(string relativeDirectory) =>
        Directory.EnumerateFiles(PathOf(relativeDirectory), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetDmaConformance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"NetDmaConformance.sln not found above {AppContext.BaseDirectory}.");
    }
}
