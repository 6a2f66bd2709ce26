using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Concurrency.Rewriting;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>
/// Coyote's rewriting of the provider's own assembly (NetDma.RewritingProviders): races between two accesses of the
/// provider's own fields, and .NET locks at DISPATCH_LEVEL, show only in a rewritten copy. The rewriter is found as the
/// kit finds it (<see cref="CoyoteRewriterLocator"/>: <c>NETDMA_COYOTE_REWRITER</c> or the clone's <c>.tools</c>,
/// where <c>.ci/run</c> installs it); without it these tests fail with the install command, never skip.
/// </summary>
public sealed class RewritingTests
{
    private const string Fixture = "NetDma.RewritingProviders";
    private static readonly string FixturePath = Path.Combine(AppContext.BaseDirectory, Fixture + ".dll");
    private static readonly string Cache = Path.Combine(Path.GetTempPath(), "netdma-kit-tests", "rewritten");

    private static IDriverFactory Rewritten(string type) =>
        DriverAssemblyLoader.Load(FixturePath, $"{Fixture}.{type}", ProviderRewriter.Create(Cache));

    private static IDriverFactory AsBuilt(string type) => DriverAssemblyLoader.Load(FixturePath, $"{Fixture}.{type}");

    /// <summary>A provider class loaded from a rewritten copy of its assembly, as <c>--schedules</c> loads a provider.</summary>
    internal static IDriverFactory RewrittenCopyOf(Type provider) =>
        DriverAssemblyLoader.Load(provider.Assembly.Location, provider.FullName, ProviderRewriter.Create(Cache));

    [Fact]
    public void A_check_then_act_on_the_providers_own_fields_is_found_within_1000_schedules_only_in_the_rewritten_copy_and_replays()
    {
        var options = new ScheduleOptions(1000, ScheduleStrategy.Random, Seed: 7);

        var found = ScheduleExplorationTests.Explore(ScheduleExplorationTests.AppendsOnTwoChannels, options, Rewritten("UnguardedBusyFlagProvider"));

        Assert.True(found.Outcome == ScriptOutcome.Failed, ScheduleExplorationTests.Describe(found));
        Assert.NotNull(found.Schedules!.FailingSchedule);
        var lost = Assert.Single(found.Violations, v => v.Rule.Id == "NDMA3030");
        Assert.NotNull(found.Schedules.Trace);

        var replayed = ScheduleExplorationTests.Explore(ScheduleExplorationTests.AppendsOnTwoChannels,
            new ScheduleOptions(1, ReplayTrace: found.Schedules.Trace), Rewritten("UnguardedBusyFlagProvider"));
        Assert.Equal(ScriptOutcome.Failed, replayed.Outcome);
        Assert.Equal(lost.Actual, Assert.Single(replayed.Violations, v => v.Rule.Id == "NDMA3030").Actual);

        var unrewritten = ScheduleExplorationTests.Explore(ScheduleExplorationTests.AppendsOnTwoChannels, options, AsBuilt("UnguardedBusyFlagProvider"));
        Assert.True(unrewritten.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(unrewritten));
        Assert.Equal(1000, unrewritten.Schedules!.SchedulesRun);
    }

    [Fact]
    public void A_dotnet_lock_taken_at_DISPATCH_LEVEL_is_NDMA1002_at_run_time_in_the_rewritten_copy()
    {
        var options = new ScheduleOptions(20, ScheduleStrategy.Random, Seed: 1);

        var found = ScheduleExplorationTests.Explore(ScheduleExplorationTests.AppendsOnTwoChannels, options, Rewritten("DotNetLockAtDispatchProvider"));

        Assert.True(found.Outcome == ScriptOutcome.Failed, ScheduleExplorationTests.Describe(found));
        // Both appends of the concurrently block take the lock, each on its own processor.
        var blocking = found.Violations.Where(v => v.Rule.Id == "NDMA1002").ToList();
        Assert.Equal(2, blocking.Count);
        Assert.All(blocking, b =>
        {
            Assert.Contains("ProviderAppendDma took a .NET lock (lock/Monitor.Enter) at DISPATCH_LEVEL", b.Actual, StringComparison.Ordinal);
            Assert.Equal("managing-hardware-priorities.md", b.Page);
            Assert.Contains(b.Location!.Value.Line, new[] { 16, 17 });
        });
        Assert.Equal(["cpu0", "cpu1"], blocking.Select(b => b.Actual.Contains("(cpu0", StringComparison.Ordinal) ? "cpu0" : "cpu1").Order());

        var unrewritten = ScheduleExplorationTests.Explore(ScheduleExplorationTests.AppendsOnTwoChannels, options, AsBuilt("DotNetLockAtDispatchProvider"));
        Assert.True(unrewritten.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(unrewritten));
    }

    [Fact]
    public void The_reference_provider_rewritten_passes_a_sample_of_schedules_of_a_concurrent_script()
    {
        var reference = RewrittenCopyOf(typeof(global::NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver));

        var result = ScheduleExplorationTests.Explore(ScheduleExplorationTests.AppendWhileCompleting,
            new ScheduleOptions(100, ScheduleStrategy.Random, Seed: 11), reference);

        Assert.True(result.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(result));
        Assert.Equal(100, result.Schedules!.SchedulesRun);
    }

    /// <summary>
    /// Suspend and abort racing the engine take effect between two engine steps (the engines' command handshake): before
    /// it, the suspend returned with the current descriptor unwritten (NDMA3012) and the abort was followed by a fetch of
    /// the chain it cancelled (NDMA3013).
    /// </summary>
    [Theory]
    [InlineData(typeof(global::NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver), "suspend")]
    [InlineData(typeof(global::NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver), "abort")]
    [InlineData(typeof(global::NetDma.Samples.MinimalProvider.MinimalProvider), "suspend")]
    [InlineData(typeof(global::NetDma.Samples.MinimalProvider.MinimalProvider), "abort")]
    public void A_suspend_or_abort_racing_the_engine_takes_effect_between_two_engine_steps(Type provider, string command) =>
        PassesSchedules(provider, command == "suspend" ? ConcurrentExplorationTests.SuspendWhileTheEngineRuns : ConcurrentExplorationTests.AbortWhileTheEngineRuns,
            new ScheduleOptions(200, ScheduleStrategy.Random, Seed: 1));

    private static void PassesSchedules(Type provider, string script, ScheduleOptions options)
    {
        var result = ScheduleExplorationTests.Explore(script, options, RewrittenCopyOf(provider));

        Assert.True(result.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(result));
        Assert.Equal(options.Schedules, result.Schedules!.SchedulesRun);
    }

    [Fact]
    public void Only_the_providers_own_assembly_is_rewritten_into_a_cache_keyed_by_its_content()
    {
        var root = Path.Combine(Path.GetTempPath(), "netdma-kit-tests", "cache-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(root, "provider");
        Directory.CreateDirectory(source);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "NetDma.*.dll"))
        {
            File.Copy(file, Path.Combine(source, Path.GetFileName(file)));
        }

        try
        {
            var rewriter = ProviderRewriter.Create(Path.Combine(root, "cache"));
            var first = rewriter.Rewrite(Path.Combine(source, Fixture + ".dll"));

            Assert.Equal([Fixture], first.OwnAssemblies.Order());
            Assert.True(ProviderRewriter.IsRewritten(first.AssemblyPath));
            Assert.False(ProviderRewriter.IsRewritten(Path.Combine(source, Fixture + ".dll"))); // the original is untouched
            var folder = Path.GetDirectoryName(first.AssemblyPath)!;
            Assert.False(ProviderRewriter.IsRewritten(Path.Combine(folder, "NetDma.Contracts.dll")));
            Assert.False(ProviderRewriter.IsRewritten(Path.Combine(folder, "NetDma.ReferenceProvider.dll")));

            var written = File.GetLastWriteTimeUtc(first.AssemblyPath);
            var again = rewriter.Rewrite(Path.Combine(source, Fixture + ".dll"));
            Assert.Equal(first.AssemblyPath, again.AssemblyPath);
            Assert.Equal(written, File.GetLastWriteTimeUtc(again.AssemblyPath)); // from the cache, not rewritten again

            // A changed provider (another assembly's bytes under the provider's name) hashes to a new folder.
            File.Copy(Path.Combine(source, "NetDma.Samples.MinimalProvider.dll"), Path.Combine(source, Fixture + ".dll"), overwrite: true);
            var changed = rewriter.Rewrite(Path.Combine(source, Fixture + ".dll"));
            Assert.NotEqual(Path.GetDirectoryName(first.AssemblyPath), Path.GetDirectoryName(changed.AssemblyPath));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Run_with_schedules_and_a_provider_assembly_explores_its_rewritten_copy_in_a_worker_and_writes_the_trace_and_the_report()
    {
        using var kit = new Cli.CliTestKit();
        var script = kit.Write("appends.ndma", ScheduleExplorationTests.AppendsOnTwoChannels);
        var junit = new FileInfo(Path.Combine(kit.Folder, "junit.xml"));
        var options = new ScheduleOptions(1000, ScheduleStrategy.Random, Seed: 7);

        // No --in-process: the worker rewrites the copy (the same cache as in this process) and explores it.
        var exit = ConformanceKit.Cli.RunCommand.Execute(kit.Console, new FileInfo(FixturePath), $"{Fixture}.UnguardedBusyFlagProvider", script, junit, null,
            Cli.CliTestKit.Watchdog, schedules: options);

        Assert.True(exit == ConformanceKit.Cli.ExitCodes.ConformanceFailure, kit.Output + kit.Errors);
        Assert.Contains("in a worker process", kit.Output, StringComparison.Ordinal);
        Assert.Contains("NDMA3030", kit.Output, StringComparison.Ordinal);
        Assert.Contains("NDMA3030", File.ReadAllText(junit.FullName), StringComparison.Ordinal);

        // The kit process wrote the worker's trace text, and it is the trace of the schedule this process finds.
        var trace = Path.Combine(ConformanceKit.Cli.ScheduleOptionsBinding.TraceFolder, "appends.trace");
        Assert.Contains($"trace written to {trace}", kit.Output, StringComparison.Ordinal);
        Assert.Contains($"replay: netdma-kit run --provider {FixturePath} --provider-type {Fixture}.UnguardedBusyFlagProvider", kit.Output, StringComparison.Ordinal);
        var inProcess = ScheduleExplorationTests.Explore(ScheduleExplorationTests.AppendsOnTwoChannels, options, Rewritten("UnguardedBusyFlagProvider"));
        Assert.Equal(inProcess.Schedules!.Trace, File.ReadAllText(trace));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_with_schedules_and_no_rewriter_installed_says_how_to_install_it_without_a_stack_trace(bool inProcess)
    {
        using var kit = new Cli.CliTestKit();
        var script = kit.Write("appends.ndma", ScheduleExplorationTests.AppendsOnTwoChannels);
        var previous = Environment.GetEnvironmentVariable(CoyoteRewriterLocator.EnvironmentVariable);
        Environment.SetEnvironmentVariable(CoyoteRewriterLocator.EnvironmentVariable, Path.Combine(Path.GetTempPath(), "no-such-coyote"));
        try
        {
            // In a worker too the kit process looks for the rewriter before any worker starts.
            var exit = ConformanceKit.Cli.RunCommand.Execute(kit.Console, new FileInfo(FixturePath), $"{Fixture}.UnguardedBusyFlagProvider", script, null, null,
                Cli.CliTestKit.Watchdog, inProcess, schedules: new ScheduleOptions(10));

            Assert.Equal(ConformanceKit.Cli.ExitCodes.BadUsage, exit);
            Assert.Contains(CoyoteRewriterLocator.InstallCommand, kit.Errors, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", kit.Errors, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CoyoteRewriterLocator.EnvironmentVariable, previous);
        }
    }

    [Fact]
    public void A_missing_rewriter_is_a_message_with_the_install_command()
    {
        var previous = Environment.GetEnvironmentVariable(CoyoteRewriterLocator.EnvironmentVariable);
        Environment.SetEnvironmentVariable(CoyoteRewriterLocator.EnvironmentVariable, Path.Combine(Path.GetTempPath(), "no-such-coyote"));
        try
        {
            var missing = Assert.Throws<RewriterMissingException>(CoyoteRewriterLocator.Locate);
            Assert.Contains(CoyoteRewriterLocator.InstallCommand, missing.Message, StringComparison.Ordinal);
            Assert.Contains(CoyoteRewriterLocator.EnvironmentVariable, missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CoyoteRewriterLocator.EnvironmentVariable, previous);
        }
    }
}
