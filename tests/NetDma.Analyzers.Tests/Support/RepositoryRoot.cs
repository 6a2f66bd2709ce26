namespace NetDma.Analyzers.Tests.Support;

/// <summary>The checkout the tests run from: the first directory above the test binaries holding NetDmaConformance.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root directory.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NetDmaConformance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no NetDmaConformance.sln above {AppContext.BaseDirectory}");
    }
}
