using System.Reflection;
using NetDma.ConformanceKit.Catalog;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;
using NetDma.Contracts.Tests.Spec;

namespace NetDma.Contracts.Tests.Fidelity;

/// <summary>
/// Compares every contract of a <see cref="ContractCatalog"/> with the reference pages it cites and returns every
/// disagreement, not just the first, so one run shows the whole picture.
/// </summary>
internal sealed class ContractFidelity(ContractCatalog catalog, IReadOnlyDictionary<string, SpecPage> pages, IReadOnlyList<DdiStructContract> allStructContracts)
{
    private readonly List<Mismatch> mismatches = [];

    /// <summary>Runs every comparison.</summary>
    public IReadOnlyList<Mismatch> Check()
    {
        mismatches.Clear();
        CheckCoverage();
        foreach (var ddi in catalog.Ddis)
        {
            foreach (var page in ddi.Pages.Where(pages.ContainsKey))
            {
                CheckDdi(ddi, pages[page]);
            }
        }

        foreach (var contract in catalog.Structs.Where(contract => pages.ContainsKey(contract.Page)))
        {
            CheckStruct(contract, pages[contract.Page]);
        }

        foreach (var contract in catalog.Enums.Where(contract => pages.ContainsKey(contract.Page)))
        {
            CheckEnum(contract, pages[contract.Page]);
        }

        CheckStatusSpellingRecord();
        return [.. mismatches];
    }

    private void Report(string page, string subject, string aspect, string pageSays, string contractSays) =>
        mismatches.Add(new Mismatch(page, subject, aspect, pageSays, contractSays));

    private void CheckCoverage()
    {
        var citations = catalog.Ddis.SelectMany(ddi => ddi.Pages.Select(page => (Page: page, By: ddi.Name)))
            .Concat(catalog.Structs.Select(contract => (contract.Page, By: contract.Name)))
            .Concat(catalog.Enums.Select(contract => (contract.Page, By: contract.Name)))
            .ToList();

        foreach (var (page, by) in citations.Where(citation => !pages.ContainsKey(citation.Page)))
        {
            Report(page, by, Aspects.Coverage, "no such page in ddi/netdma or ddi/wdm", $"{by} cites it");
        }

        foreach (var page in pages.Keys)
        {
            var citers = citations.Where(citation => citation.Page == page).Select(citation => citation.By).ToList();
            if (citers.Count != 1)
            {
                Report(page, page, Aspects.Coverage, "one contract should cite this page",
                    citers.Count == 0 ? "no contract cites it" : $"cited by {string.Join(", ", citers)}");
            }
        }

        var reachable = catalog.Structs.SelectMany(Parts).Select(part => part.Type).ToHashSet();
        foreach (var part in allStructContracts.Where(contract => contract.IsPart && !reachable.Contains(contract.Type)))
        {
            Report("(none)", part.Name, Aspects.Coverage, "a nested part is documented on its parent's page",
                $"{part.Type.FullName} has an empty page and no documented structure has a member of its type");
        }
    }

    private static IEnumerable<DdiStructContract> Parts(DdiStructContract contract) =>
        contract.Fields.Where(field => field.Nested is not null).SelectMany(field => Parts(field.Nested!).Prepend(field.Nested!));

    private void CheckDdi(DdiContract ddi, SpecPage page)
    {
        var file = page.FileName;
        var expectedKind = ddi.Kind == DdiKind.Callback ? "NC" : "NF";
        if (page.UidKind != expectedKind)
        {
            Report(file, ddi.Name, Aspects.Kind, page.UidKind, $"{ddi.Kind} ({expectedKind})");
        }

        if (page.UidName != ddi.Name)
        {
            Report(file, ddi.Name, Aspects.Name, page.UidName, ddi.Name);
        }

        if (page.Header != ddi.Header)
        {
            Report(file, ddi.Name, Aspects.Header, page.Header, ddi.Header);
        }

        if (ddi.Kind == DdiKind.Callback && !page.Keywords.Contains(ddi.Role))
        {
            Report(file, ddi.Name, Aspects.Role, $"ms.keywords: {string.Join(", ", page.Keywords)}", ddi.Role);
        }

        CheckIrql(ddi, page);
        CheckStatuses(ddi, page);
        CheckParameters(ddi, page);
    }

    private void CheckIrql(DdiContract ddi, SpecPage page)
    {
        var file = page.FileName;
        var contract = PageIrql.Of(ddi.Irql);
        if (!PageIrql.TryParse(page.IrqlText, out var stated))
        {
            Report(file, ddi.Name, Aspects.Irql, $"unreadable req.irql '{page.IrqlText}'", ddi.Irql.Describe());
        }
        else if (contract is null || !stated.SameRequirement(contract))
        {
            Report(file, ddi.Name, Aspects.Irql, $"{stated} (req.irql: {page.IrqlText})", ddi.Irql.Describe());
        }
        else if (stated.Spelling != contract.Spelling)
        {
            Report(file, ddi.Name, Aspects.IrqlSpelling, stated.Spelling, contract.Spelling);
        }

        foreach (var rule in page.DdiCompliance.Where(rule => rule.StartsWith("Irql", StringComparison.Ordinal)))
        {
            Irql? level = rule switch
            {
                "IrqlDispatch" => Irql.DISPATCH_LEVEL,
                _ when rule.StartsWith("IrqlIoPassive", StringComparison.Ordinal) => Irql.PASSIVE_LEVEL,
                _ => null,
            };
            if (level is null)
            {
                Report(file, ddi.Name, Aspects.DdiCompliance, $"req.ddi-compliance names {rule}", "no IRQL is known for that rule here");
            }
            else if (!ddi.Irql.Allows(level.Value))
            {
                Report(file, ddi.Name, Aspects.DdiCompliance,
                    $"req.ddi-compliance names {rule} (calls at {level.Value.ToDdiName()})", ddi.Irql.Describe());
            }
        }
    }

    private void CheckStatuses(DdiContract ddi, SpecPage page)
    {
        var file = page.FileName;
        var documented = new List<NtStatus>();
        foreach (var spelling in page.ReturnStatusSpellings)
        {
            if (!DocumentedStatusSpellings.TryResolve(spelling, out var status))
            {
                Report(file, ddi.Name, Aspects.Statuses, spelling,
                    "no NtStatus member and no DocumentedStatusSpellings entry resolves this spelling");
                continue;
            }

            documented.Add(status);
            var anomaly = DocumentedStatusSpellings.Anomalies.Where(entry => entry.PageSpelling == spelling).ToList();
            if (anomaly.Count > 0 && !anomaly.Any(entry => entry.Pages.Contains(file)))
            {
                Report(file, ddi.Name, Aspects.StatusSpelling, spelling,
                    $"DocumentedStatusSpellings does not list {file} among the pages that write {spelling}");
            }
        }

        var pageSet = documented.Distinct().Order().ToList();
        var contractSet = ddi.Statuses.Distinct().Order().ToList();
        if (!pageSet.SequenceEqual(contractSet))
        {
            Report(file, ddi.Name, Aspects.Statuses, Describe(page.ReturnStatusSpellings, documented), Describe(ddi.Statuses));
        }
        else if (!documented.Distinct().SequenceEqual(ddi.Statuses))
        {
            Report(file, ddi.Name, Aspects.StatusOrder, Describe(documented.Distinct().ToList()), Describe(ddi.Statuses));
        }

        var returnType = ddi.Member switch
        {
            MethodInfo method => method.ReturnType,
            Type type => type.GetMethod("Invoke")!.ReturnType,
            _ => typeof(void),
        };
        var pageSays = page.ReturnsNothing ? "no return value" : documented.Count > 0 ? "an NTSTATUS" : "a value that is not an NTSTATUS";
        var contractAgrees = page.ReturnsNothing ? returnType == typeof(void)
            : documented.Count > 0 ? returnType == typeof(NtStatus)
            : returnType != typeof(void) && returnType != typeof(NtStatus);
        if (!contractAgrees)
        {
            Report(file, ddi.Name, Aspects.ReturnType, pageSays, returnType.Name);
        }
    }

    private static string Describe(IReadOnlyList<string> spellings, List<NtStatus> resolved) =>
        spellings.Count == 0 ? "(no status)" : $"{string.Join(", ", spellings)} = {Describe(resolved)}";

    private static string Describe(IReadOnlyList<NtStatus> statuses) =>
        statuses.Count == 0 ? "(no status)" : $"{{{string.Join(", ", statuses.Select(NtStatusFacts.Name))}}}";

    private void CheckParameters(DdiContract ddi, SpecPage page)
    {
        var file = page.FileName;
        var pageNames = page.Parameters.Select(parameter => parameter.Name).ToList();
        var contractNames = ddi.Parameters.Select(parameter => parameter.Name).ToList();
        CompareNames(file, ddi.Name, Aspects.Parameters, pageNames, contractNames);

        foreach (var stated in page.Parameters)
        {
            if (ddi.Parameters.FirstOrDefault(parameter => parameter.Name == stated.Name) is not { } parameter)
            {
                continue;
            }

            var subject = $"{ddi.Name}.{parameter.Name}";
            if (stated.Direction != parameter.PageDirection)
            {
                Report(file, subject, Aspects.Direction, $"[{stated.Tag}]",
                    parameter.PageSays is null
                        ? Tag(parameter.Direction)
                        : $"{Tag(parameter.Direction)} with PageSays {Tag(parameter.PageSays.Value)}");
            }
            else if (parameter.PageSays is not null)
            {
                Report(file, subject, Aspects.DirectionOverride, $"[{stated.Tag}]",
                    $"{Tag(parameter.Direction)} (what the callee does)");
            }

            if (stated.Optional != parameter.Optional)
            {
                Report(file, subject, Aspects.Optional, $"[{stated.Tag}]", parameter.Optional ? "Optional = true" : "not optional");
            }
        }
    }

    private static string Tag(DdiParameterDirection direction) => direction switch
    {
        DdiParameterDirection.In => "[in]",
        DdiParameterDirection.Out => "[out]",
        _ => "[in, out]",
    };

    private void CheckStruct(DdiStructContract contract, SpecPage page)
    {
        var file = page.FileName;
        if (page.UidKind != "NS")
        {
            Report(file, contract.Name, Aspects.Kind, page.UidKind, "a structure (NS)");
        }

        if (page.UidName != contract.Name)
        {
            Report(file, contract.Name, Aspects.Name, page.UidName, contract.Name);
        }

        if (page.Header != contract.Header)
        {
            Report(file, contract.Name, Aspects.Header, page.Header, contract.Header);
        }

        CompareNames(file, contract.Name, Aspects.Fields, page.Fields.Select(field => field.Name).ToList(), contract.HeadingNames.ToList());

        foreach (var field in contract.Fields.Where(field => typeof(Delegate).IsAssignableFrom(field.FieldType)))
        {
            var links = page.Fields.FirstOrDefault(heading => heading.Name == field.Name)?.LinkedPages ?? [];
            CheckRoutineField(file, $"{contract.Name}.{field.Name}", field, links);
        }
    }

    // A routine member is typed with the contract of the page its text links to; System.Delegate is left only for
    // routines whose pages are not in the corpus (there is no contract to type them with).
    private void CheckRoutineField(string file, string subject, DdiFieldContract field, IReadOnlyList<string> links)
    {
        var linked = links.Count == 0 ? "no page link" : $"links {string.Join(", ", links)}";
        if (field.FieldType == typeof(Delegate))
        {
            var inCorpus = links.Where(pages.ContainsKey).ToList();
            if (inCorpus.Count > 0)
            {
                Report(file, subject, Aspects.FieldType, $"links {string.Join(", ", inCorpus)} (in the corpus)", "System.Delegate");
            }
            else
            {
                Report(file, subject, Aspects.UntypedRoutine, $"{linked} (not in the corpus)", "System.Delegate");
            }

            return;
        }

        var routine = DdiContract.TryRead(field.FieldType);
        if (routine is null || !routine.Pages.Any(links.Contains))
        {
            Report(file, subject, Aspects.FieldType, linked,
                routine is null ? $"{field.FieldType.FullName} (no [Ddi] contract)" : $"{field.FieldType.FullName} ({routine.Page})");
        }
    }

    private void CheckEnum(DdiEnumContract contract, SpecPage page)
    {
        var file = page.FileName;
        if (page.UidKind != "NE")
        {
            Report(file, contract.Name, Aspects.Kind, page.UidKind, "an enumeration (NE)");
        }

        if (page.UidName != contract.Name)
        {
            Report(file, contract.Name, Aspects.Name, page.UidName, contract.Name);
        }

        if (page.Header != contract.Header)
        {
            Report(file, contract.Name, Aspects.Header, page.Header, contract.Header);
        }

        CompareNames(file, contract.Name, Aspects.Fields, page.Fields.Select(field => field.Name).ToList(), [.. contract.Members]);
    }

    private void CompareNames(string file, string subject, string aspect, List<string> onPage, List<string> inContract)
    {
        foreach (var name in onPage.Except(inContract))
        {
            Report(file, $"{subject}.{name}", aspect, $"#{onPage.IndexOf(name) + 1} {name}", "missing");
        }

        foreach (var name in inContract.Except(onPage))
        {
            Report(file, $"{subject}.{name}", aspect, "missing", $"#{inContract.IndexOf(name) + 1} {name}");
        }

        if (onPage.Count == inContract.Count && onPage.Order().SequenceEqual(inContract.Order()) && !onPage.SequenceEqual(inContract))
        {
            Report(file, subject, aspect, $"order {string.Join(", ", onPage)}", $"order {string.Join(", ", inContract)}");
        }

        if (onPage.Count != onPage.Distinct().Count() || inContract.Count != inContract.Distinct().Count())
        {
            Report(file, subject, aspect, $"{onPage.Count} names ({onPage.Distinct().Count()} distinct)",
                $"{inContract.Count} names ({inContract.Distinct().Count()} distinct)");
        }
    }

    // Every page DocumentedStatusSpellings lists for a spelling must really write it: the record stays true to the pages.
    private void CheckStatusSpellingRecord()
    {
        foreach (var (spelling, means, listed) in DocumentedStatusSpellings.Anomalies)
        {
            foreach (var file in listed)
            {
                if (!pages.TryGetValue(file, out var page))
                {
                    Report(file, spelling, Aspects.StatusSpelling, "no such page", $"DocumentedStatusSpellings lists it for {spelling}");
                }
                else if (!page.ReturnStatusSpellings.Contains(spelling))
                {
                    Report(file, spelling, Aspects.StatusSpelling,
                        $"returns {string.Join(", ", page.ReturnStatusSpellings)}",
                        $"DocumentedStatusSpellings lists it as writing {spelling} (meaning {NtStatusFacts.Name(means)})");
                }
            }
        }
    }
}
