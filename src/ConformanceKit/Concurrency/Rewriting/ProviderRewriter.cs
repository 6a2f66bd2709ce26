using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Concurrency.Rewriting;

/// <summary>
/// Rewrites a copy of a provider's own assemblies with Coyote's rewriter, so that under schedule exploration every
/// instance-field access of provider code is a scheduling point and its <c>lock</c>/Monitor, <c>Interlocked</c>,
/// <c>Thread.Sleep</c> and task waits are controlled by Coyote. The provider author changes nothing.
/// </summary>
/// <remarks>
/// The provider's own assemblies are the one given and every assembly beside it that it references (directly or
/// through another one) and the kit does not already carry: NetDma.Contracts, Coyote and the framework are never
/// rewritten, so the provider and the kit share one set of contract types and one Coyote runtime. The rewritten copy
/// lives in a cache folder named after a SHA-256 hash of those assemblies' bytes and the rewriter's version: a changed
/// assembly hashes to a new folder, so a stale copy is never used, and a folder is used only once its rewrite
/// completed (it is built under a temporary name and moved into place).
/// </remarks>
public sealed class ProviderRewriter
{
    private const string CompleteMarker = ".rewrite-complete";

    private static readonly string[] KitAssemblyPrefixes = ["NetDma.Contracts", "NetDma.ConformanceKit", "Microsoft.Coyote"];

    private readonly string _rewriter;

    /// <summary>Creates a rewriter that uses the <c>coyote</c> command at <paramref name="rewriterPath"/> and caches under <paramref name="cacheRoot"/>.</summary>
    /// <param name="rewriterPath">The <c>coyote</c> command (<see cref="CoyoteRewriterLocator.Locate"/>).</param>
    /// <param name="cacheRoot">The cache folder, or null for <see cref="DefaultCacheRoot"/>.</param>
    public ProviderRewriter(string rewriterPath, string? cacheRoot = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(rewriterPath);
        _rewriter = rewriterPath;
        CacheRoot = Path.GetFullPath(cacheRoot ?? DefaultCacheRoot);
    }

    /// <summary>The default cache folder: <c>netdma-kit/rewritten</c> under the user's temporary folder.</summary>
    public static string DefaultCacheRoot => Path.Combine(Path.GetTempPath(), "netdma-kit", "rewritten");

    /// <summary>The cache folder this rewriter uses.</summary>
    public string CacheRoot { get; }

    /// <summary>The <c>coyote</c> command this rewriter runs.</summary>
    public string RewriterPath => _rewriter;

    /// <summary>
    /// Simple names of the assemblies the kit carries (never rewritten, always the kit's own copy), or null for those
    /// this process resolves itself. A worker rewrites on behalf of the kit process and is given that process's set
    /// (<see cref="KitAssemblies"/>), so a provider's own assemblies, and with them the rewritten copy, its cache folder
    /// and its schedules, are the same in the worker as with <c>--in-process</c>.
    /// </summary>
    internal IReadOnlySet<string>? CarriedAssemblies { get; init; }

    /// <summary>Creates a rewriter with the located rewriter (<see cref="CoyoteRewriterLocator"/>).</summary>
    /// <exception cref="RewriterMissingException">No rewriter is installed.</exception>
    public static ProviderRewriter Create(string? cacheRoot = null) => new(CoyoteRewriterLocator.Locate(), cacheRoot);

    /// <summary>
    /// The rewritten copy of <paramref name="assemblyPath"/> and of the provider's other own assemblies, from the cache
    /// when it holds this exact content, otherwise rewritten now.
    /// </summary>
    /// <exception cref="DriverLoadException">The assembly is missing or not .NET, or the rewriter failed on it.</exception>
    internal RewrittenProvider Rewrite(string assemblyPath)
    {
        var full = Path.GetFullPath(assemblyPath);
        if (!File.Exists(full))
        {
            throw new DriverLoadException($"provider assembly '{assemblyPath}' does not exist");
        }

        var own = OwnAssemblies(full, CarriedAssemblies);
        var folder = Path.Combine(CacheRoot, Hash(own));
        if (!File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            RewriteInto(folder, full, own);
        }

        return new RewrittenProvider(Path.Combine(folder, Path.GetFileName(full)), full,
            own.Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    private void RewriteInto(string folder, string assembly, IReadOnlyList<string> own)
    {
        Directory.CreateDirectory(CacheRoot);
        var work = folder + ".tmp-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(work);
        try
        {
            // Everything beside the provider goes along, so the rewriter resolves its references; only the own
            // assemblies are rewritten (in place, in the copy) and later loaded from here.
            foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(assembly)!))
            {
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
            }

            foreach (var path in own)
            {
                RunRewriter(Path.Combine(work, Path.GetFileName(path)));
            }

            File.WriteAllText(Path.Combine(work, CompleteMarker), $"Microsoft.Coyote.CLI {CoyoteRewriterLocator.ToolVersion}\n");
            try
            {
                Directory.Move(work, folder);
            }
            catch (IOException) when (File.Exists(Path.Combine(folder, CompleteMarker)))
            {
                // Another run rewrote the same content meanwhile: its copy is as good as this one.
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private void RunRewriter(string path)
    {
        var start = new ProcessStartInfo(_rewriter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("rewrite");
        start.ArgumentList.Add(path);
        // The tool targets net8; only a newer runtime is installed here. Its telemetry stays off.
        start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        start.Environment["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new DriverLoadException($"Coyote's rewriter '{_rewriter}' could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var text = (output.Result + error.Result).Trim();
        if (process.ExitCode != 0 || !IsRewritten(path))
        {
            throw new DriverLoadException(
                $"Coyote's rewriter could not rewrite '{Path.GetFileName(path)}' (exit code {process.ExitCode}): {LastLines(text)}");
        }
    }

    /// <summary>True when the assembly carries Coyote's rewriting signature (the rewriter succeeded on it).</summary>
    internal static bool IsRewritten(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.TypeReferences.Any(h => reader.GetString(reader.GetTypeReference(h).Name) == "RewritingSignatureAttribute");
    }

    /// <summary>The provider assembly and every assembly beside it that it references, transitively, and the kit does not carry.</summary>
    internal static IReadOnlyList<string> OwnAssemblies(string assembly, IReadOnlySet<string>? carried = null)
    {
        var folder = Path.GetDirectoryName(assembly)!;
        var kit = carried ?? KitAssemblies();
        var found = new List<string>();
        var pending = new Queue<string>([assembly]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Path.GetFileNameWithoutExtension(assembly) };
        while (pending.TryDequeue(out var path))
        {
            found.Add(path);
            foreach (var reference in References(path))
            {
                var beside = Path.Combine(folder, reference + ".dll");
                if (seen.Add(reference) && File.Exists(beside) && !kit.Contains(reference)
                    && !KitAssemblyPrefixes.Any(p => reference.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                {
                    pending.Enqueue(beside);
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> References(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new DriverLoadException($"'{path}' is not a .NET assembly");
            }

            var reader = pe.GetMetadataReader();
            return [.. reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))];
        }
        catch (BadImageFormatException)
        {
            throw new DriverLoadException($"'{path}' is not a .NET assembly");
        }
    }

    /// <summary>The simple names of the assemblies this process resolves without the provider's folder (framework, kit, contracts, Coyote).</summary>
    internal static HashSet<string> KitAssemblies() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string Hash(IReadOnlyList<string> own)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"coyote {CoyoteRewriterLocator.ToolVersion}\n"));
        foreach (var path in own.OrderBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(path) + "\n"));
            hash.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..32].ToLowerInvariant();
    }

    private static string LastLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no output" : string.Join(" | ", lines.TakeLast(4));
    }
}
