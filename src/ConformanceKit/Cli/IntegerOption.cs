using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// The one way <c>netdma-kit</c> declares a numeric option: an <see cref="Option{T}"/> of <see cref="int"/> whose
/// parser accepts only a whole number inside its <see cref="IntegerRange"/>. Anything else is a parse error naming the
/// option, the range and the value found, so it ends the command with exit code 2 before any work starts, and the
/// help text states the range.
/// </summary>
public static class IntegerOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="name">The option's name, e.g. <c>--timeout</c>.</param>
    /// <param name="description">What the option does; the accepted range is appended.</param>
    /// <param name="range">The accepted values.</param>
    /// <param name="defaultValue">The value when the option is not given (inside <paramref name="range"/>).</param>
    public static Option<int> Create(string name, string description, IntegerRange range, int defaultValue)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (!range.Contains(defaultValue))
        {
            throw new ArgumentOutOfRangeException(nameof(defaultValue), defaultValue, $"the default of {name} must be {range}");
        }

        return new Option<int>(name)
        {
            Description = $"{description} Allowed: {range}.",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse(result, name, range),
        };
    }

    private static int Parse(ArgumentResult result, string name, IntegerRange range)
    {
        // System.CommandLine checks the arity (one value) before it calls the parser, so there is a token.
        var token = result.Tokens[^1].Value;
        if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || !range.Contains(value))
        {
            result.AddError($"{name} must be a whole number, {range}; found '{token}'");
            return default;
        }

        return value;
    }
}
