using NetDma.Tests.Shared;
namespace NetDma.Contracts.Tests.Spec;

public sealed class SpecDirectoryTests : IDisposable
{
    private readonly string sandbox = Directory.CreateTempSubdirectory("netdma-specdir-").FullName;

    public void Dispose() => Directory.Delete(sandbox, recursive: true);

    private string MakeSpec(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "ddi", "netdma"));
        return root;
    }

    [Fact]
    public void NETDMA_SPEC_DIR_wins_when_it_holds_the_pages()
    {
        var spec = MakeSpec(Path.Combine(sandbox, "elsewhere", "spec"));

        Assert.Equal(spec, SpecDirectory.Locate(spec, sandbox));
    }

    [Fact]
    public void Without_the_variable_the_spec_beside_the_repo_root_is_used()
    {
        var repo = Directory.CreateDirectory(Path.Combine(sandbox, "checkout")).FullName;
        File.WriteAllText(Path.Combine(repo, "NetDmaConformance.sln"), "");
        var binaries = Directory.CreateDirectory(Path.Combine(repo, "tests", "bin", "Debug")).FullName;
        var spec = MakeSpec(Path.Combine(sandbox, "shared", "spec"));

        Assert.Equal(spec, SpecDirectory.Locate(null, binaries));
    }

    [Fact]
    public void Missing_pages_fail_naming_both_places_and_the_variable()
    {
        var repo = Directory.CreateDirectory(Path.Combine(sandbox, "checkout")).FullName;
        File.WriteAllText(Path.Combine(repo, "NetDmaConformance.sln"), "");
        var wrong = Path.Combine(sandbox, "no-such-spec");

        var error = Assert.Throws<InvalidOperationException>(() => SpecDirectory.Locate(wrong, repo));

        Assert.Contains(wrong, error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(sandbox, "shared", "spec"), error.Message, StringComparison.Ordinal);
        Assert.Contains("Set NETDMA_SPEC_DIR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_repo_root_is_named_in_the_failure()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SpecDirectory.Locate(null, sandbox));

        Assert.Contains("(not set)", error.Message, StringComparison.Ordinal);
        Assert.Contains("no folder holding NetDmaConformance.sln", error.Message, StringComparison.Ordinal);
    }
}
