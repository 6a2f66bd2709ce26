using System.Buffers;
using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

// The engine-progress observation: what the provider's engine did, from what the simulated bus shows, and the checks
// that compare it with the descriptors' ControlFlags (ns-netdma-_net_dma_descriptor.md,
// ns-netdma-_net_dma_channel_parameters.md, nc-netdma-dma_resume_handler.md).
public sealed partial class NetDmaHost
{
    private const string DescriptorPage = "ns-netdma-_net_dma_descriptor.md";
    private const string ChannelParametersPage = "ns-netdma-_net_dma_channel_parameters.md";

    /// <summary>Size of a DCA context change descriptor's stand-in data buffer: a DCA context is at most 32 bits, DCAContext8 at most 255.</summary>
    private const ulong ContextChangeBufferSize = 256;

    private readonly Dictionary<MemoryBuffer, HostChannel> _contextChangeBuffers = new(ReferenceEqualityComparer.Instance);

    /// <summary>The channel whose ProviderAbortDma or ProviderResetChannel is running: a NetDmaTransferStatusHalted it writes is no error.</summary>
    private HostChannel? _halting;

    /// <summary>
    /// The buffer a NET_DMA_OP_TYPE_CONTEXT_CHANGE descriptor of <paramref name="channel"/> names as SourceAddress and
    /// DestinationAddress. The descriptor moves no data (ns-netdma-_net_dma_descriptor.md); pointing its addresses at a
    /// buffer of its own lets the host see an engine that copies it like a transfer (NDMA5013) instead of the access
    /// being refused as an overrun.
    /// </summary>
    public PhysicalAddress ContextChangeBuffer(string channel)
    {
        var owner = NamedChannel(channel, "a context change descriptor");
        var buffer = _contextChangeBuffers.FirstOrDefault(p => ReferenceEquals(p.Value, owner)).Key
            ?? Kernel.Memory.Allocate($"{channel}.context-change", ContextChangeBufferSize, MemoryKind.Data);
        _contextChangeBuffers[buffer] = owner;
        return buffer.PhysicalBase;
    }

    /// <summary>A descriptor fetch of a live channel: progress, and the resume reread (NDMA5009).</summary>
    private void ObserveFetch(HostChannel channel, DescriptorFetch fetch)
    {
        var progress = channel.Progress;
        for (ulong offset = 0; offset + NetDmaDescriptor.SizeInBytes <= fetch.Length; offset += NetDmaDescriptor.SizeInBytes)
        {
            var address = fetch.Address.Offset(offset);
            if (progress.RereadExpected is { } expected)
            {
                progress.RereadExpected = null;
                Log.Checked(MemoryRules.ResumeRereadsLastDescriptor);
                if (address != expected)
                {
                    Log.Report(MemoryRules.ResumeRereadsLastDescriptor,
                        $"after ProviderResumeDma on {channel.Name}, a fetch of the descriptor the engine processed last ({expected}) to get its new NextDescriptor, before any other",
                        $"{fetch.Initiator} first fetched {address} ({DescribeDescriptor(channel, address)})", ResumeContract.Page);
                }
            }

            if (progress.Find(address) is { } descriptor)
            {
                // Checks judged by the absence of an access: from this fetch on, a device write into the descriptor's
                // memory (CheckUserContexts) or a data access of a context change descriptor (ReportContextChangeData)
                // would be reported.
                Log.Checked(MemoryRules.UserContextUntouched);
                if (descriptor.IsContextChange)
                {
                    Log.Checked(MemoryRules.ContextChangeMovesNoData);
                }

                if (descriptor is { Fetched: false, MovesData: true })
                {
                    descriptor.SourceImage = ReadRanges(descriptor.SourceRanges, out var length);
                    descriptor.SourceImageLength = length;
                }

                progress.MarkFetched(descriptor);
            }
        }
    }

    /// <summary>Every device access: completion-status writes, writes into descriptor memory, and data attributed to descriptors.</summary>
    private void ObserveDeviceAccess(DeviceAccess access)
    {
        if (!access.Performed && !access.IsWrite)
        {
            foreach (var live in _liveChannels)
            {
                if (live.Progress.Find(access.Address) is { } attempted)
                {
                    live.Progress.MarkFetchFailed(attempted);
                }
            }
        }

        if (access.Buffer is { Kind: MemoryKind.Completion } completion
            && _channelsByCompletion.TryGetValue(completion, out var owner))
        {
            if (access.IsWrite && !ReportedAfterFree(owner, access))
            {
                ObserveCompletionWrite(owner, access);
            }

            return;
        }

        if (access.Buffer is { Kind: MemoryKind.DescriptorRing } ring)
        {
            if (access.IsWrite && _channelsByRing.TryGetValue(ring, out var ringOwner))
            {
                CheckUserContexts(ringOwner, access);
            }

            return;
        }

        if (access.Buffer is { } data && _contextChangeBuffers.TryGetValue(data, out var contextOwner))
        {
            ReportContextChangeData(contextOwner, access);
            return;
        }

        foreach (var channel in _liveChannels)
        {
            if (channel.Progress.InFlightTouching(access.Address.QuadPart, access.End, access.IsWrite) is { } descriptor)
            {
                ObserveData(channel, descriptor, access);
                return;
            }
        }
    }

    private void ObserveData(HostChannel channel, DescriptorProgress descriptor, DeviceAccess access)
    {
        var progress = channel.Progress;
        var direction = access.IsWrite ? "write" : "read";
        if (!access.Performed)
        {
            progress.MarkError(descriptor, $"its data {direction} of {access.Length} bytes at {access.Address} was refused");
            return;
        }

        if (descriptor.HasPageBreak)
        {
            Log.Checked(MemoryRules.PageBreakFollowed);
        }

        var ranges = access.IsWrite ? descriptor.DestinationRanges : descriptor.SourceRanges;
        if (descriptor.HasPageBreak && !AnyContains(ranges, access.Address.QuadPart, access.End)
            && descriptor.Reported.Add(MemoryRules.PageBreakFollowed.Id))
        {
            var side = access.IsWrite ? "DestinationAddress" : "SourceAddress";
            var next = access.IsWrite ? "NextDestinationAddress" : "NextSourceAddress";
            Log.Report(MemoryRules.PageBreakFollowed,
                $"the {direction}s of {descriptor.Describe()} on {channel.Name} inside {string.Join(" then ", ranges)} ({side} to the end of its 4096-byte page, then {next})",
                $"{access.Initiator} {direction} of {access.Length} bytes at {new BusRange(access.Address.QuadPart, access.Length)}, which runs past the end of the page", DescriptorPage);
        }

        if (!access.IsWrite)
        {
            CheckSerialized(channel, descriptor, access);
            return;
        }

        if (descriptor.RecordWrite(access.Address.QuadPart, access.End))
        {
            progress.MarkCompleted(descriptor);
            CheckCopiedExactly(channel, descriptor);
        }
    }

    /// <summary>True when one of <paramref name="ranges"/> holds all of [<paramref name="start"/>, <paramref name="end"/>) (a loop: this runs per data access).</summary>
    private static bool AnyContains(in DescriptorRanges ranges, ulong start, ulong end)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].Contains(start, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// NDMA5004: when the engine completes a descriptor (every destination byte written), its destination holds exactly
    /// the TransferSize source bytes memory held when the engine fetched it ("the DMA engine copies TransferSize bytes
    /// from SourceAddress to DestinationAddress", ns-netdma-_net_dma_descriptor.md; page breaks as NDMA5012 splits them).
    /// A source or destination outside one buffer is not judged here (NDMA5001 reports the access), nor a descriptor
    /// whose page break the engine did not follow (NDMA5012 reported it: the bytes are then bound to differ).
    /// </summary>
    private void CheckCopiedExactly(HostChannel channel, DescriptorProgress descriptor)
    {
        if (descriptor.SourceImage is not { } image || descriptor.HasReported(MemoryRules.PageBreakFollowed.Id)
            || CommonPrefixWith(image.AsSpan(0, descriptor.SourceImageLength), descriptor.DestinationRanges) is not { } first)
        {
            return;
        }

        Log.Checked(MemoryRules.DataCopiedExactly);
        var length = descriptor.SourceImageLength;
        if (first == length || !descriptor.Reported.Add(MemoryRules.DataCopiedExactly.Id))
        {
            // Judged once, at completion: the image goes back to the pool it came from.
            descriptor.SourceImage = null;
            ArrayPool<byte>.Shared.Return(image);
            return;
        }

        // The report: the destination is read into an array only now.
        var source = image.AsSpan(0, length).ToArray();
        descriptor.SourceImage = null;
        ArrayPool<byte>.Shared.Return(image);
        var destination = ReadRanges(descriptor.DestinationRanges, out _)!;
        var differing = source.Zip(destination).Count(pair => pair.First != pair.Second);
        Log.Report(MemoryRules.DataCopiedExactly,
            $"the {descriptor.Spec.Length} destination bytes of {descriptor.Describe()} on {channel.Name} at DestinationAddress {descriptor.Spec.Destination} equal to its source bytes at SourceAddress {descriptor.Spec.Source}",
            $"when the engine completed it, destination byte {first} is 0x{destination[first]:X2}, source byte {first} 0x{source[first]:X2} ({differing} of {source.Length} bytes differ)", DescriptorPage);
    }

    /// <summary>
    /// How many leading bytes of <paramref name="source"/> memory holds in <paramref name="ranges"/> (concatenated),
    /// compared straight against storage; null when a range is not inside one live buffer.
    /// </summary>
    private int? CommonPrefixWith(ReadOnlySpan<byte> source, in DescriptorRanges ranges)
    {
        var at = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            var start = new PhysicalAddress(range.Start);
            if (Kernel.Memory.Find(start) is not { } buffer || !buffer.Contains(start, range.Length))
            {
                return null;
            }

            var stored = buffer.Storage.AsSpan((int)(range.Start - buffer.PhysicalBase.QuadPart), (int)range.Length);
            var compared = source[at..];
            var same = compared.CommonPrefixLength(stored);
            if (same < Math.Min(compared.Length, stored.Length))
            {
                return at + same;
            }

            at += Math.Min(compared.Length, stored.Length);
        }

        return at;
    }

    /// <summary>
    /// The bytes memory holds in <paramref name="ranges"/>, concatenated (a host-side read), in an array rented from
    /// <see cref="ArrayPool{T}.Shared"/> (<paramref name="length"/> bytes of it used), or null when a range is not inside
    /// one live buffer.
    /// </summary>
    private byte[]? ReadRanges(in DescriptorRanges ranges, out int length)
    {
        // One rented array, filled straight from storage: this runs at every descriptor fetch.
        length = (int)ranges.TotalLength;
        var image = ArrayPool<byte>.Shared.Rent(length);
        var at = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            var start = new PhysicalAddress(range.Start);
            if (Kernel.Memory.Find(start) is not { } buffer || !buffer.Contains(start, range.Length))
            {
                ArrayPool<byte>.Shared.Return(image);
                return null;
            }

            buffer.Storage.AsSpan((int)(range.Start - buffer.PhysicalBase.QuadPart), (int)range.Length).CopyTo(image.AsSpan(at));
            at += (int)range.Length;
        }

        return image;
    }

    /// <summary>NDMA5011: a read of a descriptor's data while the previous NET_DMA_SERIALIZE_TRANSFER descriptor's writes are not all done.</summary>
    private void CheckSerialized(HostChannel channel, DescriptorProgress descriptor, DeviceAccess access)
    {
        if (channel.Progress.Predecessor(descriptor) is not { } previous
            || (previous.Flags & NetDmaDescriptorControlFlags.NET_DMA_SERIALIZE_TRANSFER) == 0)
        {
            return;
        }

        Log.Checked(MemoryRules.SerializeTransferOrder);
        var statusOwed = ((previous.Flags & NetDmaDescriptorControlFlags.NET_DMA_STATUS_UPDATE_ON_COMPLETION) != 0) && !previous.StatusWritten;
        if ((previous.Completed && !statusOwed) || !descriptor.Reported.Add(MemoryRules.SerializeTransferOrder.Id))
        {
            return;
        }

        var pending = !previous.Completed
            ? $"{previous.BytesWritten} of its {previous.Spec.Length} data bytes written"
            : "its completion status not yet written";
        Log.Report(MemoryRules.SerializeTransferOrder,
            $"every write of {previous.Describe()} on {channel.Name} (NET_DMA_SERIALIZE_TRANSFER), data and completion status, complete before the data of the next descriptor is read",
            $"{access.Initiator} read {access.Length} bytes of the data of {descriptor.Describe()} at {access.Address} with {pending}", DescriptorPage);
    }

    /// <summary>A completion-status write: NDMA5005 (address), NDMA5007 (not requested), NDMA5008 (state), and engine errors (Halted outside abort and reset).</summary>
    /// <summary>
    /// NDMA3015: once ProviderFreeDmaChannel returned, the device writes no completion status for the channel. NetDMA
    /// ensures there are no outstanding DMA operations on the channel before it frees it and treats the channel as gone
    /// afterwards (nc-netdma-dma_channel_free_handler.md), so a status write then is DMA for a channel that no longer
    /// exists, as a descriptor fetch would be. True when the channel was freed: the write is reported, and it is not
    /// judged against the progress of a channel whose records are gone.
    /// </summary>
    private bool ReportedAfterFree(HostChannel channel, DeviceAccess access)
    {
        Log.Checked(LifecycleRules.NothingAfterFree);
        if (channel.State != ChannelState.Freed)
        {
            return false;
        }

        Log.Report(LifecycleRules.NothingAfterFree, $"no DMA access for {channel.Name} after ProviderFreeDmaChannel",
            $"{access.Initiator} wrote {access.Length} byte(s) of freed channel {channel.Name}'s completion status at {access.Address}", FreeContract.Page);
        return true;
    }

    private void ObserveCompletionWrite(HostChannel channel, DeviceAccess access)
    {
        if (access.Length != sizeof(ulong) || access.Address != channel.Completion.PhysicalBase)
        {
            return; // Not a whole completion status: NDMA5005's assertion reads what the location holds.
        }

        var progress = channel.Progress;
        // The judge reads the word the write just put there straight from storage, as ReadRanges does at a fetch: it
        // is the kit's record of this write, not an access of the simulated machine, so it declares no scheduling
        // point (it used to, through ReadBytes: one point between the status write and the rest of the engine step,
        // 48 of the ~780 steps of the 4-CPU benchmark schedule; docs/concurrency.md, "Scheduling points removed as redundant").
        var word = BitConverter.ToUInt64(channel.Completion.Storage.AsSpan(0, sizeof(ulong)));
        var status = (NetDmaTransferStatus)(word & 0x7);
        var named = progress.Find(new PhysicalAddress(word & ~0x3FUL));
        if (named is not null)
        {
            named.StatusWritten = named.Completed;
        }

        Log.Checked(MemoryRules.CompletionStateMatchesProgress);
        CheckCompletionAddress(channel, status, word);
        switch (status)
        {
            case NetDmaTransferStatus.NetDmaTransferStatusActive or NetDmaTransferStatus.NetDmaTransferStatusIdle when named is { Completed: true }:
                CheckProgressStatus(channel, named, status, word);
                break;
            case NetDmaTransferStatus.NetDmaTransferStatusArmed when progress.CompletedSinceStart:
                Log.Report(MemoryRules.CompletionStateMatchesProgress,
                    $"NetDmaTransferStatusArmed in {channel.Name}'s completion status only before the first descriptor of the chain completes",
                    $"0x{word:X16} (NetDmaTransferStatusArmed) written after {progress.LastCompleted?.Describe()} completed", ChannelParametersPage);
                break;
            case NetDmaTransferStatus.NetDmaTransferStatusHalted when !ReferenceEquals(_halting, channel):
                progress.MarkError(progress.LastFetched is { Completed: false } current ? current : null,
                    $"the engine wrote NetDmaTransferStatusHalted (0x{word:X16}) with no ProviderAbortDma or ProviderResetChannel running");
                break;
        }
    }

    /// <summary>
    /// NDMA5005: the address bits (all but the low six) of a completion status with a descriptor address are "the
    /// physical address of the most recent DMA descriptor that the DMA engine processed" (ns-netdma-_net_dma_channel_parameters.md):
    /// for NetDmaTransferStatusActive, NetDmaTransferStatusIdle and NetDmaTransferStatusSuspend the descriptor the
    /// engine completed last (for a correct Idle, the last one NetDMA submitted; whether Idle fits the progress is
    /// NDMA5008's judgment, so one wrong state is not reported twice). Not judged: NetDmaTransferStatusArmed (its address "is not valid"), NetDmaTransferStatusHalted (the page
    /// names the transfer that was aborted, not a descriptor), values above Armed, and a Suspend before any descriptor
    /// of the current chain completed. One report per descriptor expected.
    /// </summary>
    private void CheckCompletionAddress(HostChannel channel, NetDmaTransferStatus status, ulong word)
    {
        var progress = channel.Progress;
        var judged = status switch
        {
            NetDmaTransferStatus.NetDmaTransferStatusActive or NetDmaTransferStatus.NetDmaTransferStatusIdle => true,
            NetDmaTransferStatus.NetDmaTransferStatusSuspend => progress.CompletedSinceStart,
            _ => false,
        };
        if (!judged)
        {
            return;
        }

        var expected = progress.LastCompleted;

        Log.Checked(MemoryRules.CompletionStatusWritten);
        var address = new PhysicalAddress(word & ~0x3FUL);
        if (address == expected?.Address
            || !(expected?.Reported ?? progress.UnattributedReports).Add(MemoryRules.CompletionStatusWritten.Id))
        {
            return;
        }

        Log.Report(MemoryRules.CompletionStatusWritten,
            expected is null
                ? $"with {status}, no completion status before a descriptor of {channel.Name} completed"
                : $"with {status}, the physical address of the descriptor the engine completed last on {channel.Name} ({expected.Address}) ORed with the status",
            $"the engine wrote 0x{word:X16}: address {address} ({DescribeDescriptor(channel, address)})", ChannelParametersPage);
    }

    private void CheckProgressStatus(HostChannel channel, DescriptorProgress named, NetDmaTransferStatus status, ulong word)
    {
        Log.Checked(MemoryRules.CompletionOnlyWhenRequested);
        if ((named.Flags & NetDmaDescriptorControlFlags.NET_DMA_STATUS_UPDATE_ON_COMPLETION) == 0)
        {
            Log.Report(MemoryRules.CompletionOnlyWhenRequested,
                $"no use of {channel.Name}'s CompletionPhysicalAddress for {named.Describe()}, whose ControlFlags (0x{(uint)named.Flags:X8}) lack NET_DMA_STATUS_UPDATE_ON_COMPLETION",
                $"the engine wrote 0x{word:X16} ({status}) there after completing it", DescriptorPage);
            return;
        }

        var remaining = channel.Progress.RemainingAfter(named);
        var expected = remaining > 0 ? NetDmaTransferStatus.NetDmaTransferStatusActive : NetDmaTransferStatus.NetDmaTransferStatusIdle;

        // Under schedule exploration an append racing the engine makes Idle faithful too, when none of what remains was
        // the provider's before the descriptor completed (EngineProgress.RemainingLinkedBefore).
        var racedIdle = Kernel.Interleaves && status == NetDmaTransferStatus.NetDmaTransferStatusIdle && channel.Progress.RemainingLinkedBefore(named) == 0;

        // And Active is faithful while an append is linking its chain: the engine may have read the new link (or the
        // the descriptor the provider rereads after the append) before the host recorded the chain.
        var racedActive = Kernel.Interleaves && status == NetDmaTransferStatus.NetDmaTransferStatusActive && channel.AppendInProgress;
        if (status != expected && !racedIdle && !racedActive)
        {
            Log.Report(MemoryRules.CompletionStateMatchesProgress,
                $"{expected} after {named.Describe()} on {channel.Name} completed ({(remaining > 0 ? $"{remaining} more submitted descriptor(s) remain" : "the last descriptor NetDMA submitted")})",
                $"the engine wrote 0x{word:X16} ({status})", ChannelParametersPage);
        }
    }

    /// <summary>NDMA5010: after a device write into descriptor memory, NetDMA's UserContext1 and UserContext2 must be as NetDMA wrote them.</summary>
    private void CheckUserContexts(HostChannel channel, DeviceAccess access)
    {
        var ring = channel.Ring;
        var first = ring.SlotOf(access.Address);
        var last = ring.SlotOf(new PhysicalAddress(access.End - 1));
        Log.Checked(MemoryRules.UserContextUntouched);
        for (var slot = first; slot <= last; slot++)
        {
            var address = ring.Buffer.PhysicalAt((ulong)slot * NetDmaDescriptor.SizeInBytes);
            var descriptor = ring.DescriptorAt(address);
            var (expected1, expected2) = (DescriptorRing.UserContext1Of(slot), DescriptorRing.UserContext2Of(slot));
            if (descriptor.UserContext1 == expected1 && descriptor.UserContext2 == expected2)
            {
                continue;
            }

            var changed = descriptor.UserContext1 != expected1
                ? $"UserContext1 = 0x{descriptor.UserContext1:X16}, NetDMA wrote 0x{expected1:X16}"
                : $"UserContext2 = 0x{descriptor.UserContext2:X16}, NetDMA wrote 0x{expected2:X16}";
            Log.Report(MemoryRules.UserContextUntouched,
                $"UserContext1 and UserContext2 of the descriptor at {address} on {channel.Name} left as NetDMA wrote them",
                $"{access.Initiator} wrote {access.Length} bytes at {access.Address} into descriptor memory: {changed}", DescriptorPage);

            // Restore NetDMA's values so one bug is reported once per write, not again at every later write.
            descriptor.UserContext1 = expected1;
            descriptor.UserContext2 = expected2;
            var image = new byte[NetDmaDescriptor.SizeInBytes];
            descriptor.Write(image);
            Kernel.Memory.WriteBytes(ring.Buffer, (ulong)slot * NetDmaDescriptor.SizeInBytes, image);
        }
    }

    private void ReportContextChangeData(HostChannel channel, DeviceAccess access)
    {
        var descriptor = channel.Progress.LastFetched is { IsContextChange: true } last ? last.Describe() : "a context change descriptor";
        if (channel.Progress.LastFetched is { } fetched && !fetched.Reported.Add(MemoryRules.ContextChangeMovesNoData.Id))
        {
            return;
        }

        Log.Report(MemoryRules.ContextChangeMovesNoData,
            $"no data read or written for {descriptor} on {channel.Name} (NET_DMA_OP_TYPE_CONTEXT_CHANGE: TransferSize holds a DCA context)",
            $"{access.Initiator} {(access.IsWrite ? "wrote" : "read")} {access.Length} bytes at {access.Address}, the SourceAddress/DestinationAddress of the context change descriptor", DescriptorPage);
    }

    /// <summary>Report words for what the engine did with the descriptor at <paramref name="address"/> of <paramref name="channel"/>.</summary>
    private static string DescribeDescriptor(HostChannel channel, PhysicalAddress address)
    {
        if (channel.Progress.Find(address) is not { } descriptor)
        {
            return address.IsNull ? "NULL" : $"not a descriptor NetDMA submitted on {channel.Name}";
        }

        return descriptor switch
        {
            { Completed: true } => "a descriptor the engine completed",
            { Abandoned: true } => "a descriptor NetDMA dropped before the engine completed it",
            { Fetched: true } => $"fetched, {descriptor.BytesWritten} of its {descriptor.Spec.Length} bytes written",
            _ => "submitted, not yet fetched by the engine",
        };
    }
}
