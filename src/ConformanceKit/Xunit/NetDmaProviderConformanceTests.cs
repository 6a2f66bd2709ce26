using System.Collections.Concurrent;
using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Verification;
using NetDma.Contracts.Platform;
using Xunit;

namespace NetDma.ConformanceKit.XUnit;

/// <summary>
/// The conformance suite of a NetDMA provider as xunit tests, in the manner of the reactive-streams TCK: subclass it,
/// override <see cref="CreateProvider"/> and declare what the provider supports in <see cref="Profile"/>. Every rule of
/// the catalog becomes its own test named after its ID (<c>Rule(id: "NDMA3004")</c>): it passes when no run observed a
/// violation of the rule, fails with the rule, its page, the script line and the call sequence, or is skipped with the
/// reason (a capability the profile excludes, a WDM-only or compile-time-only rule). Every bundled conformance script is
/// a test too, and so is a run of generated call sequences (<see cref="GeneratedSequences"/>, seeded: the same cases in
/// every run). Everything runs once per test class, in a worker process unless <see cref="RunInWorker"/> is false.
/// </summary>
public abstract class NetDmaProviderConformanceTests
{
    private static readonly ConcurrentDictionary<Type, Lazy<ProviderVerification>> Verifications = new();

    /// <summary>Every rule ID of the catalog: the data of <see cref="Rule"/>.</summary>
    public static TheoryData<string> RuleIds => [.. RuleCatalog.All.Select(r => r.Id)];

    /// <summary>The bundled conformance scripts by display name (<c>conformance/05-copy-single-descriptor.ndma</c>): the data of <see cref="Script"/>.</summary>
    public static TheoryData<string> ConformanceScripts => [.. ConformanceRun.FindScripts(BundledScripts).Select(f => f.DisplayName)];

    /// <summary>The bundled conformance suite, copied beside the test assembly.</summary>
    private static string BundledScripts => Path.Combine(AppContext.BaseDirectory, "Scripts", "conformance");

    /// <summary>Rule <paramref name="id"/> holds for the provider (or does not apply, with the reason).</summary>
    [SkippableTheory]
    [MemberData(nameof(RuleIds))]
    public void Rule(string id) => VerdictAssert.Holds(Verification.Rule(id));

    /// <summary>The bundled conformance script <paramref name="name"/> passes (or does not apply, with the reason).</summary>
    [SkippableTheory]
    [MemberData(nameof(ConformanceScripts))]
    public void Script(string name) => VerdictAssert.Holds(Verification.Scripts.Single(s => s.Name == name));

    /// <summary><see cref="GeneratedSequences"/> generated call sequences pass; a failure shows the seed and the shrunk script.</summary>
    [SkippableFact]
    public void Generated_sequences() => VerdictAssert.Holds(Verification.GeneratedSequences);

    /// <summary>A new instance of the provider under test; called once per script (each script starts from a newly loaded driver).</summary>
    protected abstract INetDmaProviderDriver CreateProvider();

    /// <summary>What the provider supports: channel count, MSI-X and line-based interrupts, NetDMA versions, optional handlers. Default: everything, 4 channels.</summary>
    protected virtual ProviderProfile Profile => new();

    /// <summary>Generated call sequences to run (default 200; 0 skips the test).</summary>
    protected virtual int GeneratedSequences => 200;

    /// <summary>The CsCheck seed of the first generated sequence (default fixed: every run generates the same cases).</summary>
    protected virtual string Seed => VerificationOptions.DefaultSeed;

    /// <summary>How long one script may run before the provider is declared hung (NDMA2003).</summary>
    protected virtual TimeSpan Watchdog => ConformanceRun.DefaultWatchdog;

    /// <summary>
    /// Schedules each bundled script runs under (0, the default: one call at a time): the simulated processors and the
    /// hardware interleave under Microsoft Coyote's controlled scheduler, random strategy, seed <see cref="ScheduleSeed"/>,
    /// and a script's test fails with the first failing schedule (docs/concurrency.md). Schedule exploration runs the
    /// provider in the test process, whatever <see cref="RunInWorker"/> says.
    /// </summary>
    protected virtual int ConcurrentSchedules => 0;

    /// <summary>The seed of <see cref="ConcurrentSchedules"/>: the same seed explores the same schedules.</summary>
    protected virtual uint ScheduleSeed => 1;

    /// <summary>
    /// True (the default) to run the provider in a worker process, so a provider that kills its process fails a test
    /// instead of ending the test run. The worker creates the provider from its type, which must then be a public class
    /// with a public parameterless constructor; return false to run <see cref="CreateProvider"/> in this process.
    /// </summary>
    protected virtual bool RunInWorker => true;

    private ProviderVerification Verification => Verifications.GetOrAdd(GetType(), _ => new Lazy<ProviderVerification>(Verify)).Value;

    private ProviderVerification Verify()
    {
        var options = new VerificationOptions { ScriptsPath = BundledScripts, GeneratedSequences = GeneratedSequences, Seed = Seed };
        using var runner = CreateRunner();
        return ProviderVerification.Run(runner, Profile, options);
    }

    private IScriptRunner CreateRunner()
    {
        var provider = CreateProvider().GetType();
        if (ConcurrentSchedules > 0)
        {
            return new InProcessScriptRunner(new DelegateDriverFactory(provider.FullName ?? provider.Name, CreateProvider), Watchdog,
                schedules: new ScheduleOptions(ConcurrentSchedules, ScheduleStrategy.Random, ScheduleSeed));
        }

        if (!RunInWorker)
        {
            return new InProcessScriptRunner(new DelegateDriverFactory(provider.FullName ?? provider.Name, CreateProvider), Watchdog);
        }

        if (!provider.IsPublic || provider.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException(
                $"{provider.FullName} must be a public class with a public parameterless constructor to run in a worker process; " +
                $"override {nameof(RunInWorker)} to return false to run {nameof(CreateProvider)} in the test process instead");
        }

        return new WorkerScriptRunner(new DriverSource(provider.Assembly.Location, provider.FullName), new WorkerOptions { Watchdog = Watchdog });
    }
}
