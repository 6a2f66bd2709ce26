using System.Reflection;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Catalog;

/// <summary>
/// The contract of one DDI as its attributes state it: name, role, kind, header, page (and further pages), IRQL
/// requirement, documented statuses, whether the result must be inspected, and its parameters with their directions.
/// Read from a contract delegate type or a method of a contract interface; a method marked
/// <see cref="ContractOfAttribute"/> takes the contract of its callback type.
/// </summary>
/// <param name="Name">DDI name (<c>DMA_CHANNEL_ALLOCATE_HANDLER</c>).</param>
/// <param name="Role">Role name (<c>ProviderAllocateDmaChannel</c>).</param>
/// <param name="Kind">Callback or function.</param>
/// <param name="Header">Header file.</param>
/// <param name="Page">Reference page file name.</param>
/// <param name="Irql">IRQL requirement.</param>
/// <param name="Statuses">Documented statuses; empty when the DDI returns no NTSTATUS.</param>
/// <param name="MustInspectResult">True for <c>_Must_inspect_result_</c>.</param>
/// <param name="Member">The delegate type or method it was read from.</param>
public sealed record DdiContract(
    string Name, string Role, DdiKind Kind, string Header, string Page, IrqlRequirement Irql,
    IReadOnlyList<NtStatus> Statuses, bool MustInspectResult, MemberInfo Member)
{
    /// <summary>
    /// Further reference pages documenting the same DDI (<see cref="DdiAttribute.AlsoDocumentedIn"/>): KeSetTargetProcessorDpc
    /// has nf-ntddk-kesettargetprocessordpc.md and nf-wdm-kesettargetprocessordpc.md. Empty for most DDIs.
    /// </summary>
    public IReadOnlyList<string> AlsoDocumentedIn { get; init; } = [];

    /// <summary>The parameters in DDI order, with the directions their <see cref="DdiParameterAttribute"/> states.</summary>
    public IReadOnlyList<DdiParameterContract> Parameters { get; init; } = [];

    /// <summary><see cref="Page"/> followed by <see cref="AlsoDocumentedIn"/>: every page that documents the DDI.</summary>
    public IEnumerable<string> Pages => AlsoDocumentedIn.Prepend(Page);

    /// <summary>
    /// The C# member the contract is stated on: the delegate type's full name
    /// (<c>NetDma.Contracts.NetDma.DmaChannelAllocateHandler</c>) or, for a method, its declaring interface's full name,
    /// a dot and the method name (<c>NetDma.Contracts.NetDma.INetDma.NetDmaRegisterProvider</c>).
    /// </summary>
    public string MemberFullName => Member switch
    {
        Type type => type.FullName ?? type.Name,
        _ => $"{Member.DeclaringType?.FullName}.{Member.Name}",
    };

    /// <summary>
    /// Reads the contract of <paramref name="member"/> (a delegate type or a method), or null when it carries no
    /// <see cref="DdiAttribute"/> (directly or through <see cref="ContractOfAttribute"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A parameter of the contract carries no <see cref="DdiParameterAttribute"/>.</exception>
    public static DdiContract? TryRead(MemberInfo member)
    {
        if (member.GetCustomAttribute<ContractOfAttribute>() is { } contractOf)
        {
            return TryRead(contractOf.CallbackType);
        }

        if (member.GetCustomAttribute<DdiAttribute>() is not { } ddi)
        {
            return null;
        }

        return new DdiContract(
            ddi.Name, ddi.Role ?? ddi.Name, ddi.Kind, ddi.Header, ddi.Page, IrqlRequirement.Of(member),
            member.GetCustomAttribute<DdiStatusesAttribute>()?.Statuses ?? [],
            member.GetCustomAttribute<MustInspectResultAttribute>() is not null, member)
        {
            AlsoDocumentedIn = ddi.AlsoDocumentedIn,
            Parameters = DdiParameterContract.ReadAll(member),
        };
    }

    /// <summary>Reads the contract of a member known to carry one.</summary>
    /// <exception cref="InvalidOperationException">The member has no contract attributes.</exception>
    public static DdiContract Read(MemberInfo member) =>
        TryRead(member) ?? throw new InvalidOperationException($"{member.Name} carries no [Ddi] contract.");

    /// <summary>The contract of callback delegate type <typeparamref name="TDelegate"/>.</summary>
    public static DdiContract For<TDelegate>() where TDelegate : Delegate => Read(typeof(TDelegate));

    /// <summary>True when <paramref name="status"/> is in the documented set (a DDI with no set accepts none).</summary>
    public bool Documents(NtStatus status) => Statuses.Contains(status);

    /// <summary>The documented set as text: <c>STATUS_SUCCESS, STATUS_UNSUCCESSFUL</c>.</summary>
    public string DescribeStatuses() => string.Join(", ", Statuses.Select(NtStatusFacts.Name));
}
