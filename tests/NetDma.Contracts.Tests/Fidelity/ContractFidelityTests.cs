using NetDma.Tests.Shared;
using System.Reflection;
using System.Text;
using NetDma.ConformanceKit.Catalog;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Tests.Spec;

namespace NetDma.Contracts.Tests.Fidelity;

/// <summary>
/// The contracts against the real reference pages: every page of spec/ddi/netdma and spec/ddi/wdm is cited by exactly
/// one contract, and each contract states what its page states (IRQL, statuses, parameters, header, members), except
/// for the differences <see cref="DocumentedAnomalies"/> records.
/// </summary>
public sealed class ContractFidelityTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, SpecPage>> Pages = new(() =>
        SpecDirectory.DdiPages().ToDictionary(path => Path.GetFileName(path), SpecPage.Load));

    private static IReadOnlyList<Mismatch> Mismatches()
    {
        var allStructs = typeof(INetDma).Assembly.GetExportedTypes()
            .Select(DdiStructContract.TryRead).OfType<DdiStructContract>().ToList();
        return new ContractFidelity(ContractCatalog.Default, Pages.Value, allStructs).Check();
    }

    [Fact]
    public void Spec_corpus_has_the_48_DDI_pages_of_netdma_and_wdm()
    {
        // 24 netdma.h pages (26 files less TOC.md and index.md) and 24 pages of the wdm folder.
        Assert.Equal(48, Pages.Value.Count);
    }

    [Fact]
    public void Every_contract_agrees_with_its_reference_page_except_documented_anomalies()
    {
        var mismatches = Mismatches();
        var unexplained = mismatches.Where(mismatch => !DocumentedAnomalies.All.Any(entry => entry.Covers(mismatch))).ToList();
        var stale = DocumentedAnomalies.All
            .SelectMany(entry => entry.Subjects.Select(subject => (Entry: entry, Subject: subject)))
            .Where(pair => !mismatches.Any(mismatch => pair.Entry.Covers(mismatch) && mismatch.Subject == pair.Subject))
            .ToList();

        if (unexplained.Count == 0 && stale.Count == 0)
        {
            return;
        }

        var report = new StringBuilder();
        if (unexplained.Count > 0)
        {
            report.AppendLine($"{unexplained.Count} difference(s) between the reference pages (spec root {SpecDirectory.Root}) and the contracts:");
            foreach (var mismatch in unexplained.OrderBy(mismatch => mismatch.Page, StringComparer.Ordinal))
            {
                report.AppendLine($"  {mismatch}");
            }

            report.AppendLine("Fix the contract under src/Contracts, or, for a documented page anomaly, add one commented entry to DocumentedAnomalies.");
        }

        if (stale.Count > 0)
        {
            report.AppendLine($"{stale.Count} DocumentedAnomalies subject(s) no longer match any difference; remove them:");
            foreach (var (entry, subject) in stale)
            {
                report.AppendLine($"  {entry.Page} | {subject} | {entry.Aspect}");
            }
        }

        Assert.Fail(report.ToString());
    }

    [Fact]
    public void Every_allow_list_entry_names_a_page_of_the_corpus_and_gives_a_reason()
    {
        var problems = DocumentedAnomalies.All
            .Where(entry => !Pages.Value.ContainsKey(entry.Page) || string.IsNullOrWhiteSpace(entry.Why) || entry.Subjects.Length == 0)
            .Select(entry => $"{entry.Page} ({entry.Aspect})")
            .ToList();

        Assert.True(problems.Count == 0, $"Allow-list entries without a corpus page, reason or subject: {string.Join("; ", problems)}");
    }

    [Fact]
    public void INetDmaProvider_methods_take_the_parameters_of_their_callback_typedef()
    {
        var problems = new List<string>();
        foreach (var method in typeof(INetDmaProvider).GetMethods())
        {
            var contract = DdiContract.TryRead(method);
            if (contract is null)
            {
                problems.Add($"{method.Name}: no [ContractOf] callback typedef");
                continue;
            }

            var methodParameters = method.GetParameters().Select(Signature).ToList();
            var typedefParameters = contract.Parameters.Select(parameter => Signature(parameter.Parameter)).ToList();
            if (!methodParameters.SequenceEqual(typedefParameters) || method.ReturnType != ((Type)contract.Member).GetMethod("Invoke")!.ReturnType)
            {
                problems.Add($"{method.Name}({string.Join(", ", methodParameters)}) vs {contract.Name}({string.Join(", ", typedefParameters)})");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string Signature(ParameterInfo parameter) =>
        $"{(parameter.IsOut ? "out " : parameter.ParameterType.IsByRef ? "ref " : "")}{parameter.ParameterType.Name.TrimEnd('&')} {parameter.Name}";
}
