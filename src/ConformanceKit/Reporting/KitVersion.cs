using System.Reflection;

namespace NetDma.ConformanceKit.Reporting;

/// <summary>
/// The kit's version as the JSON report stamps it (<c>tool.version</c>): the assembly's informational version, which
/// the SDK's SourceLink extends with the commit (<c>0.2.0+8023233...</c>). <c>netdma-kit merge</c> reads back only
/// reports of this exact version: a report's fields are read into this kit's model, and another build may give them
/// another meaning.
/// </summary>
public static class KitVersion
{
    /// <summary>The tool name every report gives (<c>netdma-kit</c>).</summary>
    public const string ToolName = "netdma-kit";

    /// <summary>This build's version, e.g. <c>0.2.0+8023233e575c479b954ab11cfc87bf920b14c79</c>.</summary>
    public static string Current { get; } =
        typeof(KitVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(KitVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
