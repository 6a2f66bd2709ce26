using System.IO.Compression;
using System.Xml.Linq;
using NetDma.Analyzers.Tests.Support;

namespace NetDma.Analyzers.Tests.Packaging;

/// <summary>
/// The analyzers ship inside the NetDma.Contracts package (analyzers/dotnet/cs): packing src/Contracts to a temporary
/// feed and building a consumer that only has <c>PackageReference NetDma.Contracts</c> shows an NDMA diagnostic.
/// Everything happens under a temporary directory (artifacts, feed, package folder, consumer); the repository and the
/// global packages folder are left alone. Both configurations: the pack once asked the netstandard2.0 analyzer projects
/// for a net10.0 output path in either.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class ContractsPackageTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    private readonly string _root = Directory.CreateTempSubdirectory("netdma-package-").FullName;

    /// <summary>The one version of every package, as Directory.Build.props sets it.</summary>
    private static string KitVersion =>
        XDocument.Load(RepositoryFiles.PathOf("Directory.Build.props")).Descendants("NetDmaKitVersion").Single().Value;

    [Theory]
    [InlineData("Debug")]
    [InlineData("Release")]
    public async Task Packed_contracts_light_up_NDMA2001_in_a_consumer_build(string configuration)
    {
        var feed = Path.Combine(_root, "feed");
        var (packExit, packOutput) = await DotnetProcess.RunAsync(
            RepositoryFiles.Root, Timeout,
            "pack", Path.Combine(RepositoryFiles.Root, "src", "Contracts"), "-c", configuration, "-o", feed,
            "--artifacts-path", Path.Combine(_root, "artifacts"), "--disable-build-servers");
        Assert.True(packExit == 0, $"dotnet pack src/Contracts -c {configuration} failed:\n" + packOutput);

        var package = Path.Combine(feed, $"NetDma.Contracts.{KitVersion}.nupkg");
        Assert.True(File.Exists(package), $"no {package}:\n{packOutput}");
        using (var archive = ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/NetDma.Contracts.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/NetDma.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/NetDma.Analyzers.CodeFixes.dll", entries);
            Assert.Contains("README.md", entries);
            using var nuspec = new StreamReader(archive.GetEntry("NetDma.Contracts.nuspec")!.Open());
            Assert.DoesNotContain("NetDma.Analyzers", await nuspec.ReadToEndAsync());
        }

        var consumer = Path.Combine(_root, "consumer");
        Directory.CreateDirectory(consumer);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NetDma.Contracts" Version="{KitVersion}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="netdma-local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Handlers.cs"), """
            using NetDma.Contracts.NetDma;
            using NetDma.Contracts.Status;

            public static class Handlers
            {
                public static DmaStartHandler Start { get; } = (context, virtualAddress, physicalAddress, count) =>
                    count == 0 ? NtStatus.STATUS_NOT_SUPPORTED : NtStatus.STATUS_SUCCESS;
            }
            """);

        var (buildExit, buildOutput) = await DotnetProcess.RunAsync(
            consumer, Timeout,
            "build", Path.Combine(consumer, "Consumer.csproj"), "--packages", Path.Combine(_root, "packages"), "--disable-build-servers");
        Assert.True(buildExit == 0, "the consumer build failed:\n" + buildOutput);
        Assert.True(
            buildOutput.Contains("warning NDMA2001: ProviderStartDma may return STATUS_NOT_SUPPORTED (0xC00000BB)", StringComparison.Ordinal),
            "the consumer build shows no NDMA2001:\n" + buildOutput);
    }

    /// <summary>Removes the temporary directory; a file still locked by an exiting build server must not fail the test.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
