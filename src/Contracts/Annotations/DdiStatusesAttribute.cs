using NetDma.Contracts.Status;

namespace NetDma.Contracts.Annotations;

/// <summary>
/// The complete set of NTSTATUS values the DDI's page documents as return values. A callback returning any other
/// value breaks its contract (rule NDMA2001); a caller must handle every value in the set.
/// Page spellings that are not NTSTATUS names (<c>STATUS_RESOURCES</c>, <c>STATUS_INVALID_PARAMETERS</c>) are
/// recorded with the value they mean; see <see cref="DocumentedStatusSpellings"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Delegate | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class DdiStatusesAttribute(params NtStatus[] statuses) : Attribute
{
    /// <summary>The documented statuses, in the page's order.</summary>
    public IReadOnlyList<NtStatus> Statuses { get; } = statuses;
}
