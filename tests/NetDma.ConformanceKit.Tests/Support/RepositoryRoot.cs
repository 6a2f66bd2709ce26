namespace NetDma.ConformanceKit.Tests.Support;

/// <summary>The repository checkout the tests run from: the first folder above the test binaries that holds the solution.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository's root folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NetDmaConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no folder holding NetDmaConformance.sln above {AppContext.BaseDirectory}");
    }
}
