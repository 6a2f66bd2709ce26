namespace NetDma.Benchmarks;

/// <summary>Finds the repository (the folder holding NetDmaConformance.sln) above the working or base directory.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "NetDmaConformance.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository (NetDmaConformance.sln not found).");
    }
}
