using System.CommandLine;
using System.CommandLine.Parsing;
using NetDma.ConformanceKit.Faults;

namespace NetDma.ConformanceKit.Cli;

/// <summary>
/// <c>--faults &lt;spec&gt;</c> of <c>run</c> and <c>explore</c>: the faults injected into every script (docs/faults.md),
/// parsed by the one <see cref="FaultSpecParser"/>. A spec that does not parse is a parse error naming the option, the
/// 1-based position in the value and what was expected there, so the command ends with exit code 2 before any work.
/// </summary>
public static class FaultsOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--faults";

    /// <summary>Creates the option (no faults when it is not given).</summary>
    public static Option<FaultSpec?> Create() => new(Name)
    {
        Description = "Inject faults into every script, e.g. 'seed=7;pool:every=3,tag=Ndma;connect-interrupt;map-registers:grant=2;interrupt:spurious=5' " +
            "(grammar: docs/faults.md). Under them a script's own assertions do not decide; documented statuses, no crash and no leak do.",
        CustomParser = Parse,
    };

    /// <summary>The error text for a spec that does not parse: <c>--faults 'text': at position 6: expected ..., found ...</c>.</summary>
    public static string Describe(string text, FaultSpecException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"{Name} '{text}': at position {error.Position + 1}: {error.Message}";
    }

    private static FaultSpec? Parse(ArgumentResult result)
    {
        var token = result.Tokens[^1].Value;
        try
        {
            return FaultSpec.Parse(token);
        }
        catch (FaultSpecException error)
        {
            result.AddError(Describe(token, error));
            return null;
        }
    }
}
