using System.Globalization;

namespace NetDma.ConformanceKit.Cli;

/// <summary>The whole numbers an integer option accepts, <see cref="Min"/>..<see cref="Max"/>, and what they count.</summary>
/// <param name="Min">The smallest accepted value.</param>
/// <param name="Max">The largest accepted value; <see cref="int.MaxValue"/> for no upper bound.</param>
/// <param name="Unit">What the value counts, e.g. <c>seconds</c>; null when the option's name says it.</param>
public sealed record IntegerRange(int Min, int Max, string? Unit = null)
{
    /// <summary>True when <paramref name="value"/> is accepted.</summary>
    public bool Contains(int value) => value >= Min && value <= Max;

    /// <summary>The range in words: <c>1..3600 seconds</c>, or <c>at least 1</c> without an upper bound.</summary>
    public override string ToString()
    {
        var numbers = Max == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"at least {Min}")
            : string.Create(CultureInfo.InvariantCulture, $"{Min}..{Max}");
        return Unit is null ? numbers : $"{numbers} {Unit}";
    }
}
