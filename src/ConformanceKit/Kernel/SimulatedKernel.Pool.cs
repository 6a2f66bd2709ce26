using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>Pool: ExAllocatePool2, ExFreePool, outstanding blocks and the leak check at removal.</summary>
public sealed partial class SimulatedKernel
{
    private readonly SortedDictionary<ulong, (PoolBlock Block, MemoryBuffer Buffer)> _pool = [];
    private readonly Dictionary<ulong, PoolBlock> _freedPool = [];
    private int _poolAllocations;

    /// <summary>How many blocks ExAllocatePool2 has returned so far (a block allocated after a snapshot has a higher <see cref="PoolBlock.Sequence"/>).</summary>
    public int PoolAllocationCount => _poolAllocations;

    /// <summary>Pool blocks allocated and not yet freed, in allocation order.</summary>
    public IReadOnlyCollection<PoolBlock> OutstandingPoolBlocks => [.. _pool.Values.Select(v => v.Block)];

    /// <inheritdoc/>
    /// <remarks>
    /// Paged pool above APC_LEVEL is reported (NDMA1003) and still allocated. A request above
    /// <see cref="PhysicalMemory.MaximumBufferSize"/> fails with NULL. The block is zero-filled simulated memory of
    /// kind <see cref="MemoryKind.Pool"/>.
    /// </remarks>
    public VirtualAddress ExAllocatePool2(PoolType PoolType, ulong NumberOfBytes, uint Tag)
    {
        var tag = PoolBlock.TagToText(Tag);
        if (!Enter(nameof(ExAllocatePool2), $"{PoolType}, {NumberOfBytes} bytes, tag '{tag}'"))
        {
            return VirtualAddress.Null;
        }

        Log.Checked(IrqlRules.PagedPoolAtPassiveOrApc);
        if (PoolType == PoolType.PagedPool && CurrentIrql > Irql.APC_LEVEL)
        {
            Log.Report(IrqlRules.PagedPoolAtPassiveOrApc, "ExAllocatePool2(PagedPool) called at IRQL <= APC_LEVEL",
                $"ExAllocatePool2(PagedPool, {NumberOfBytes} bytes, tag '{tag}') at {CurrentIrql.ToDdiName()} ({DescribeContext()})",
                KernelRoutineContract.Of(nameof(ExAllocatePool2)).Page);
        }

        if (NumberOfBytes > PhysicalMemory.MaximumBufferSize
            || Faults?.FailPoolAllocation(tag, $"ExAllocatePool2({PoolType}, {NumberOfBytes} bytes, tag '{tag}')") == true)
        {
            return VirtualAddress.Null;
        }

        var buffer = Memory.Allocate($"pool '{tag}' #{++_poolAllocations}", NumberOfBytes, MemoryKind.Pool);
        var block = new PoolBlock(buffer.VirtualBase, NumberOfBytes, Tag, PoolType,
            $"{CurrentRoutine ?? "code outside any driver routine"} on cpu{CurrentProcessor}")
        {
            Sequence = _poolAllocations,
        };
        _pool.Add(buffer.VirtualBase.Value, (block, buffer));
        return buffer.VirtualBase;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Freeing a block twice, or an address ExAllocatePool2 never returned, is reported (NDMA5003) and ignored.
    /// Freeing a paged block above APC_LEVEL is reported (NDMA1003) and done.
    /// </remarks>
    public void ExFreePool(VirtualAddress P)
    {
        if (!Enter(nameof(ExFreePool), new TraceArguments("{0}", P)))
        {
            return;
        }

        Log.Checked(MemoryRules.PoolFreedOnce);
        if (_pool.Remove(P.Value, out var entry))
        {
            Log.Checked(IrqlRules.PagedPoolAtPassiveOrApc);
            if (entry.Block.PoolType == PoolType.PagedPool && CurrentIrql > Irql.APC_LEVEL)
            {
                Log.Report(IrqlRules.PagedPoolAtPassiveOrApc, "ExFreePool of a PagedPool block called at IRQL <= APC_LEVEL",
                    $"ExFreePool({entry.Block}) at {CurrentIrql.ToDdiName()} ({DescribeContext()})",
                    KernelRoutineContract.Of(nameof(ExFreePool)).Page);
            }

            Memory.Free(entry.Buffer);
            _freedPool[P.Value] = entry.Block;
            return;
        }

        string what;
        if (_freedPool.TryGetValue(P.Value, out var freed))
        {
            what = $"{freed} was already freed";
        }
        else if (Memory.Find(P) is { Kind: MemoryKind.Pool } inside)
        {
            what = $"{P} is {P.Value - inside.VirtualBase.Value} bytes inside {inside.Describe()}, not the address ExAllocatePool2 returned";
        }
        else
        {
            what = $"{P} was never returned by ExAllocatePool2";
        }

        Log.Report(MemoryRules.PoolFreedOnce, "ExFreePool of a block ExAllocatePool2 returned and not yet freed",
            $"ExFreePool({P}) ({DescribeContext()}): {what}; the call was ignored");
    }

    /// <summary>
    /// At device removal: reports every outstanding pool block as a leak (NDMA5006, a SHOULD rule).
    /// </summary>
    /// <param name="driverName">The driver, for the report.</param>
    /// <returns>The number of leaked blocks.</returns>
    public int CheckNoPoolLeaks(string driverName)
    {
        Log.Checked(MemoryRules.NoLeakAtRemove);
        foreach (var (block, _) in _pool.Values)
        {
            Log.Report(MemoryRules.NoLeakAtRemove,
                $"every pool block {driverName} allocated freed with ExFreePool by the time its device is removed",
                $"{block}, allocated in {block.AllocatedIn}, was never freed");
        }

        return _pool.Count;
    }

    /// <summary>
    /// The outstanding PagedPool block that shares a byte with [<paramref name="va"/>, +<paramref name="length"/>), or
    /// null: paged pool is the simulation's pageable memory (every other buffer is locked).
    /// </summary>
    internal PoolBlock? FindPagedPoolBlock(Contracts.Platform.VirtualAddress va, ulong length) =>
        _pool.Values.Select(v => v.Block).FirstOrDefault(b => b.PoolType == PoolType.PagedPool
            && va.Value < b.Address.Value + b.NumberOfBytes && b.Address.Value < va.Value + Math.Max(length, 1));
}
