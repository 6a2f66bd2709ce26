using System.Reflection;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Catalog;

/// <summary>
/// Every contract a contracts assembly states, read by reflection: the DDIs (delegate types carrying
/// <see cref="DdiAttribute"/>, and methods of contract interfaces such as <c>INetDma</c> and <c>IWdmKernel</c>
/// carrying it directly), the DDI structures (<see cref="DdiStructAttribute"/>) and enumerations
/// (<see cref="DdiEnumAttribute"/>). Each list is sorted by DDI name (ordinal). Methods that only point at a callback
/// typedef (<see cref="ContractOfAttribute"/>, as on <c>INetDmaProvider</c>) are not listed again: the typedef is.
/// </summary>
public sealed class ContractCatalog
{
    private static readonly Lazy<ContractCatalog> NetDmaContracts = new(() => Read(typeof(INetDma).Assembly));

    private ContractCatalog(
        IReadOnlyList<DdiContract> ddis, IReadOnlyList<DdiStructContract> structs, IReadOnlyList<DdiEnumContract> enums)
    {
        Ddis = ddis;
        Structs = structs;
        Enums = enums;
    }

    /// <summary>The catalog of the NetDma.Contracts assembly (read once).</summary>
    public static ContractCatalog Default => NetDmaContracts.Value;

    /// <summary>Every DDI contract, sorted by <see cref="DdiContract.Name"/> (ordinal).</summary>
    public IReadOnlyList<DdiContract> Ddis { get; }

    /// <summary>
    /// Every DDI structure documented on its own page, sorted by name (ordinal). Nested parts (empty page) are reached
    /// through <see cref="DdiFieldContract.Nested"/> of their parent's members.
    /// </summary>
    public IReadOnlyList<DdiStructContract> Structs { get; }

    /// <summary>Every DDI enumeration, sorted by name (ordinal).</summary>
    public IReadOnlyList<DdiEnumContract> Enums { get; }

    /// <summary>Reads the contracts <paramref name="assembly"/> states.</summary>
    /// <exception cref="InvalidOperationException">A contract is malformed (a parameter without
    /// <see cref="DdiParameterAttribute"/>, structure member orders that are not 1..n) or two contracts share a name.</exception>
    public static ContractCatalog Read(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var types = assembly.GetExportedTypes();

        // DdiContract is the one reader of [Ddi]; a method whose contract comes from another member ([ContractOf])
        // is that member's contract, already listed through its delegate type.
        var delegates = types
            .Where(type => typeof(Delegate).IsAssignableFrom(type))
            .Select(type => DdiContract.TryRead(type))
            .OfType<DdiContract>();
        var functions = types
            .Where(type => type.IsInterface)
            .SelectMany(type => type.GetMethods())
            .Select(method => (Method: method, Contract: DdiContract.TryRead(method)))
            .Where(pair => pair.Contract is not null && pair.Contract.Member.Equals(pair.Method))
            .Select(pair => pair.Contract!);
        var ddis = SortedUnique(delegates.Concat(functions), ddi => ddi.Name, "DDI");

        var structs = SortedUnique(
            types.Select(DdiStructContract.TryRead).OfType<DdiStructContract>().Where(contract => !contract.IsPart),
            contract => contract.Name, "structure");
        var enums = SortedUnique(
            types.Select(DdiEnumContract.TryRead).OfType<DdiEnumContract>(), contract => contract.Name, "enumeration");

        return new ContractCatalog(ddis, structs, enums);
    }

    /// <summary>The DDI named <paramref name="name"/> (<c>DMA_CHANNEL_ALLOCATE_HANDLER</c>, <c>NetDmaIsr</c>), or null.</summary>
    public DdiContract? FindDdi(string name) => Ddis.FirstOrDefault(ddi => ddi.Name == name);

    /// <summary>The structure named <paramref name="name"/> (<c>NET_DMA_DESCRIPTOR</c>), or null.</summary>
    public DdiStructContract? FindStruct(string name) => Structs.FirstOrDefault(contract => contract.Name == name);

    /// <summary>The enumeration named <paramref name="name"/> (<c>IO_ALLOCATION_ACTION</c>), or null.</summary>
    public DdiEnumContract? FindEnum(string name) => Enums.FirstOrDefault(contract => contract.Name == name);

    private static List<T> SortedUnique<T>(IEnumerable<T> contracts, Func<T, string> name, string what)
    {
        var sorted = contracts.OrderBy(name, StringComparer.Ordinal).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (name(sorted[i]) == name(sorted[i - 1]))
            {
                throw new InvalidOperationException($"Two {what} contracts are named {name(sorted[i])}.");
            }
        }

        return sorted;
    }
}
