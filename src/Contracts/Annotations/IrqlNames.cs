namespace NetDma.Contracts.Annotations;

/// <summary>
/// Conversions between <see cref="Irql"/> values and the spellings used on the DDI pages
/// (<c>req.irql</c> front matter), e.g. <c>DISPATCH_LEVEL</c>, <c>DIRQL</c>, <c>DEVICE_LEVEL</c>.
/// </summary>
public static class IrqlNames
{
    /// <summary>Returns the DDI spelling of <paramref name="irql"/>; every level in 3..12 is <c>DIRQL</c>.</summary>
    public static string ToDdiName(this Irql irql) => irql switch
    {
        Irql.PASSIVE_LEVEL => "PASSIVE_LEVEL",
        Irql.APC_LEVEL => "APC_LEVEL",
        Irql.DISPATCH_LEVEL => "DISPATCH_LEVEL",
        Irql.HIGH_LEVEL => "HIGH_LEVEL",
        >= Irql.DIRQL and <= Irql.DIRQL_MAX => "DIRQL",
        _ => $"IRQL {(byte)irql}",
    };

    /// <summary>
    /// Parses a DDI IRQL spelling. <c>DEVICE_LEVEL</c> (the NetDmaIsr page's word) is accepted as DIRQL.
    /// </summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a level.</returns>
    public static bool TryParse(string name, out Irql irql)
    {
        switch (name)
        {
            case "PASSIVE_LEVEL": irql = Irql.PASSIVE_LEVEL; return true;
            case "APC_LEVEL": irql = Irql.APC_LEVEL; return true;
            case "DISPATCH_LEVEL": irql = Irql.DISPATCH_LEVEL; return true;
            case "DIRQL":
            case "DEVICE_LEVEL": irql = Irql.DIRQL; return true;
            case "HIGH_LEVEL": irql = Irql.HIGH_LEVEL; return true;
            default: irql = default; return false;
        }
    }

    /// <summary>The spellings <see cref="TryParse"/> accepts, for error messages.</summary>
    public static IReadOnlyList<string> Known { get; } =
        ["PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL", "DIRQL", "HIGH_LEVEL"];
}
