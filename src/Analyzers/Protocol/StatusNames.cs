using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Protocol;

/// <summary>
/// NTSTATUS names read from the contract's <c>NtStatus</c> enum (its members carry the real ntstatus.h values), so
/// messages spell statuses as the kit does: <c>STATUS_NOT_SUPPORTED (0xC00000BB)</c>. A value the enum does not name is
/// spelled in hexadecimal.
/// </summary>
internal sealed class StatusNames
{
    private readonly ImmutableDictionary<int, string> _names;

    public StatusNames(ContractSymbols symbols)
    {
        var names = new Dictionary<int, string>();
        foreach (var field in symbols.NtStatus?.GetMembers().OfType<IFieldSymbol>() ?? Enumerable.Empty<IFieldSymbol>())
        {
            if (field.HasConstantValue && field.ConstantValue is int value && !names.ContainsKey(value))
            {
                names.Add(value, field.Name);
            }
        }

        _names = names.ToImmutableDictionary();
    }

    /// <summary>The member name (<c>STATUS_SUCCESS</c>), or null when the enum does not name the value.</summary>
    public string? TryName(int status) => _names.TryGetValue(status, out var name) ? name : null;

    /// <summary><c>STATUS_SUCCESS</c>, or <c>0xC0000999</c>.</summary>
    public string Name(int status) => TryName(status) ?? Hex(status);

    /// <summary><c>STATUS_NOT_SUPPORTED (0xC00000BB)</c>, as NtStatusFacts.Describe spells it; a value the enum does not name is its hexadecimal form alone.</summary>
    public string Describe(int status) => TryName(status) is { } name ? $"{name} ({Hex(status)})" : Hex(status);

    /// <summary><c>STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES, STATUS_UNSUCCESSFUL</c>.</summary>
    public string List(IEnumerable<int> statuses) => string.Join(", ", statuses.Select(Name));

    private static string Hex(int status) => "0x" + unchecked((uint)status).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
}
