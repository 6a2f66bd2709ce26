using System.Diagnostics;
using System.Text;

namespace NetDma.Analyzers.Tests.Packaging;

/// <summary>Runs the .NET CLI as a child process with a time limit, capturing everything it prints.</summary>
internal static class DotnetProcess
{
    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    /// <returns>The exit code (null when it did not finish within <paramref name="timeout"/> and was killed) and the combined output.</returns>
    public static async Task<(int? ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild/VSTest: their variables would point the child build at the parent's MSBuild.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output)
            {
                return (null, $"dotnet {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s\n{output}");
            }
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
