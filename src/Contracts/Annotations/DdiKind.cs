namespace NetDma.Contracts.Annotations;

/// <summary>What a DDI page documents.</summary>
public enum DdiKind
{
    /// <summary>A callback the driver implements and the system calls (an <c>nc-</c> page: a function typedef).</summary>
    Callback,

    /// <summary>A routine the system implements and the driver calls (an <c>nf-</c> page).</summary>
    Function,
}
