namespace NetDma.Contracts.Tests.Fidelity;

/// <summary>The properties the fidelity test compares between a page and its contract.</summary>
internal static class Aspects
{
    /// <summary>A page no contract cites, a page two contracts cite, a contract citing a missing page.</summary>
    public const string Coverage = "coverage";

    /// <summary>The UID's name against the contract's DDI name.</summary>
    public const string Name = "name";

    /// <summary>The UID's kind (NC, NF, NS, NE) against the contract's kind.</summary>
    public const string Kind = "kind";

    /// <summary><c>req.header</c> against the contract's header.</summary>
    public const string Header = "header";

    /// <summary>A callback's role name (<c>ProviderAllocateDmaChannel</c>) against the page's <c>ms.keywords</c>.</summary>
    public const string Role = "role";

    /// <summary><c>req.irql</c> against the contract's IRQL requirement.</summary>
    public const string Irql = "irql";

    /// <summary>The page's word for a level that is not the DDI spelling the contract prints (<c>DEVICE_LEVEL</c>).</summary>
    public const string IrqlSpelling = "irql spelling";

    /// <summary>An IRQL rule named by <c>req.ddi-compliance</c> (IrqlDispatch) whose level the contract does not allow.</summary>
    public const string DdiCompliance = "ddi-compliance";

    /// <summary>The status set of <c>## -returns</c> against the contract's <c>[DdiStatuses]</c>.</summary>
    public const string Statuses = "statuses";

    /// <summary>The order of the statuses: <c>[DdiStatuses]</c> lists them in the page's order.</summary>
    public const string StatusOrder = "status order";

    /// <summary>The page's return value (none, an NTSTATUS set, something else) against the contract's return type.</summary>
    public const string ReturnType = "return type";

    /// <summary>A page status spelling that is not an <c>ntstatus.h</c> name and is not recorded for that page in DocumentedStatusSpellings.</summary>
    public const string StatusSpelling = "status spelling";

    /// <summary>Parameter names, count and order.</summary>
    public const string Parameters = "parameters";

    /// <summary>A parameter's <c>[in]</c>/<c>[out]</c>/<c>[in, out]</c> tag against the contract's page tag.</summary>
    public const string Direction = "direction";

    /// <summary>A contract parameter whose direction overrides the page's tag (<c>DdiParameterAttribute.PageSays</c>).</summary>
    public const string DirectionOverride = "direction override";

    /// <summary>The page's <c>optional</c> tag against <c>DdiParameterAttribute.Optional</c>.</summary>
    public const string Optional = "optional";

    /// <summary>Structure members or enumeration members: names, count and order.</summary>
    public const string Fields = "fields";

    /// <summary>A routine member whose type is not the contract of the page its text links to.</summary>
    public const string FieldType = "field type";

    /// <summary>A routine member typed <c>System.Delegate</c> because its page is not in the spec corpus.</summary>
    public const string UntypedRoutine = "untyped routine";
}
