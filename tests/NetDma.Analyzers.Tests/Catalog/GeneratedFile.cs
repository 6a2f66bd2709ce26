using NetDma.Analyzers.Tests.Support;

namespace NetDma.Analyzers.Tests.Catalog;

/// <summary>
/// A file of the repository derived from other files (the rule evidence, the generated parts of the rule pages): a
/// test compares it with what the generator makes now and fails when it is stale. With
/// <c>NETDMA_UPDATE_GENERATED=1</c> (what <c>bash eng/update-generated.sh</c> sets) the test writes the file instead,
/// for the author to review in the diff.
/// </summary>
internal static class GeneratedFile
{
    public const string UpdateVariable = "NETDMA_UPDATE_GENERATED";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Asserts that <paramref name="relativePath"/> holds <paramref name="expected"/>, or writes it when updating.</summary>
    public static void AssertUpToDate(string relativePath, string expected)
    {
        var path = RepositoryFiles.PathOf(relativePath);
        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (actual == expected)
        {
            return;
        }

        if (Updating)
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.Fail($"{relativePath} is {(actual is null ? "missing" : "stale")}: run `bash eng/update-generated.sh` and review the diff" +
            (actual is null ? "." : $" (first difference at line {FirstDifference(actual, expected)})."));
    }

    private static int FirstDifference(string actual, string expected)
    {
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        var line = 0;
        while (line < a.Length && line < e.Length && a[line] == e[line])
        {
            line++;
        }

        return line + 1;
    }
}
