namespace NetDma.Contracts.Annotations;

/// <summary>The SAL direction of a DDI parameter, as the page's <c>[in]</c>/<c>[out]</c>/<c>[in, out]</c> tag says.</summary>
public enum DdiParameterDirection
{
    /// <summary><c>_In_</c>: read by the callee.</summary>
    In,

    /// <summary><c>_Out_</c>: written by the callee before it returns.</summary>
    Out,

    /// <summary><c>_Inout_</c>: read and written by the callee.</summary>
    InOut,
}
