using System.Diagnostics;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// Runs the real <c>netdma-kit</c> executable (netdma-kit.dll, copied beside the test assembly by the project
/// reference) as a child process the way CI does: stdout and stderr redirected, with the environment variables a test
/// sets and without the ones a developer's shell or the CI running these tests would leak in.
/// </summary>
internal static class KitProcess
{
    private const int TimeoutMilliseconds = 60_000;

    /// <summary>The environment variables that change how the kit writes; cleared unless a test sets them.</summary>
    private static readonly string[] OutputVariables = ["GITHUB_ACTIONS", "NO_COLOR", "NETDMA_KIT_DEBUG"];

    /// <summary>The kit beside the test assembly.</summary>
    public static string KitDll => Path.Combine(AppContext.BaseDirectory, "netdma-kit.dll");

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotNet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs the kit beside the test assembly with <paramref name="arguments"/>.</summary>
    public static KitRun Run(params string[] arguments) => Run(KitDll, new Dictionary<string, string>(), arguments);

    /// <summary>Runs the kit beside the test assembly with <paramref name="variables"/> set.</summary>
    public static KitRun Run(IReadOnlyDictionary<string, string> variables, params string[] arguments) => Run(KitDll, variables, arguments);

    /// <summary>Runs the kit at <paramref name="kitDll"/> with <paramref name="variables"/> set.</summary>
    public static KitRun Run(string kitDll, IReadOnlyDictionary<string, string> variables, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotNet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(kitDll)!,
        };
        start.ArgumentList.Add(kitDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in OutputVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {DotNet}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeoutMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"netdma-kit {string.Join(' ', arguments)} did not exit within {TimeoutMilliseconds / 1000} s");
        }

        process.WaitForExit();
        return new KitRun(process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
    }
}

/// <summary>What one run of the kit did.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Everything written to stdout.</param>
/// <param name="Errors">Everything written to stderr.</param>
internal sealed record KitRun(int ExitCode, string Output, string Errors)
{
    /// <summary>The run, for an assertion message.</summary>
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}
