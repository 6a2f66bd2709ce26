using System.Reflection;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Catalog;

/// <summary>
/// The contract of one DDI as its attributes state it: name, role, kind, header, page, IRQL requirement, documented
/// statuses and whether the result must be inspected. Read from a contract delegate type or a method of a contract
/// interface; a method marked <see cref="ContractOfAttribute"/> takes the contract of its callback type.
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
    /// Reads the contract of <paramref name="member"/> (a delegate type or a method), or null when it carries no
    /// <see cref="DdiAttribute"/> (directly or through <see cref="ContractOfAttribute"/>).
    /// </summary>
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
            member.GetCustomAttribute<MustInspectResultAttribute>() is not null, member);
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
