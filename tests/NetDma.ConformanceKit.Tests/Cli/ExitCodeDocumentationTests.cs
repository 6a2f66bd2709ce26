using NetDma.ConformanceKit.Cli;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// The exit codes are documented once: the README's "Exit codes" table holds exactly the rows of
/// <see cref="ExitCodes.Table"/>, which every <c>--help</c> prints, and those rows are the values of <see cref="ExitCodes"/>.
/// </summary>
public sealed class ExitCodeDocumentationTests
{
    /// <summary>The rows of the help table: code, meaning.</summary>
    private static IEnumerable<(string Code, string Meaning)> HelpRows =>
        ExitCodes.Table.Split('\n').Skip(1).Select(line => line.Trim().Split("  ", 2)).Select(parts => (parts[0], parts[1]));

    private static string Readme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetDmaConformance.sln")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "README.md"));
            }
        }

        throw new InvalidOperationException($"no NetDmaConformance.sln above {AppContext.BaseDirectory}");
    }

    [Fact]
    public void The_help_table_has_one_row_per_exit_code_in_order()
    {
        Assert.Equal(
            [ExitCodes.Passed, ExitCodes.ConformanceFailure, ExitCodes.BadUsage, ExitCodes.InternalError],
            HelpRows.Select(row => int.Parse(row.Code, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_README_table_is_the_help_table()
    {
        var readme = Readme().Replace("\r\n", "\n", StringComparison.Ordinal);
        var section = readme[readme.IndexOf("\n## Exit codes\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var rows = section.Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal)).Skip(2);

        Assert.Equal(HelpRows.Select(row => $"| {row.Code} | {row.Meaning} |"), rows);
    }
}
