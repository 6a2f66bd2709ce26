namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The <c>dotnet</c> host that starts worker processes: the one running this process when it is the muxer, else the
/// one the SDK names in DOTNET_HOST_PATH, else the one beside the running runtime, else <c>dotnet</c> on PATH. Workers
/// thus run on the same runtime as the kit.
/// </summary>
internal static class DotNetHost
{
    private static readonly string HostName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    /// <summary>The host's path.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.ProcessPath is { } self && string.Equals(System.IO.Path.GetFileName(self), HostName, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } sdkHost && File.Exists(sdkHost))
        {
            return sdkHost;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ holds the runtime; <root>/dotnet is its host.
        var runtime = System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtime is not null)
        {
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(runtime, "..", "..", "..", HostName));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return HostName;
    }
}
