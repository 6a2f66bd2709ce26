using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Faults;
using NetDma.ConformanceKit.Host;
using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Scripting;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// One script against one fresh driver: a new simulated kernel, NetDMA host and driver instance, then each command in
/// order. Everything it observes (the command running, the call trace, violations, assertions and failures as
/// <see cref="CheckResult"/>s) goes to its <see cref="IExecutionObserver"/> as it happens; the observer, not this class,
/// assembles the script's result. A crash of driver code (an exception) is the bug check of this world: it is reported
/// as NDMA2002 and ends the script; everything observed so far is kept.
/// </summary>
internal sealed class ScriptExecution
{
    private const string PnpPage = "registering-a-netdma-provider.md";

    /// <summary>Appended to the step of a check the run's faults left undecided.</summary>
    internal const string UnderFaults = " (not decided under --faults)";
    private readonly Script _script;
    private readonly IDriverFactory _factory;
    private readonly IExecutionObserver _observer;
    private readonly Dictionary<string, MemoryBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChainCommand> _chains = new(StringComparer.Ordinal);
    private readonly List<Irp> _transfers = [];
    private readonly IProcessorScheduler _scheduler;
    private HostOptions _options = new();
    private string _driverKind = "netdma";
    private World? _world;
    private NtStatus? _lastStatus;
    private FaultSpec _faults;
    private FaultPlan? _runPlan;
    private bool _faultsFromRun;

    /// <param name="script">The script.</param>
    /// <param name="factory">Creates the driver.</param>
    /// <param name="observer">Receives every observation.</param>
    /// <param name="runFaults">
    /// Faults injected from the start (<c>--faults</c>), or null. Once one of them has been injected, the script's own
    /// assertions no longer decide (the script did not plan for the fault) and a call NetDMA or the PnP manager would
    /// not make after the failure is skipped; the rules still decide: a documented status (NDMA2001), no crash
    /// (NDMA2002), nothing leaked (NDMA5006, NDMA5015, NDMA4007). A script's own <c>fault</c> command replaces them
    /// (its assertions decide, unless a fault of the run was already injected).
    /// </param>
    /// <param name="scheduler">How the machine's processors share it; sequential (one call at a time) when null.</param>
    public ScriptExecution(Script script, IDriverFactory factory, IExecutionObserver observer, FaultSpec? runFaults = null,
        IProcessorScheduler? scheduler = null)
    {
        _scheduler = scheduler ?? SequentialScheduler.Instance;
        _script = script;
        _factory = factory;
        _observer = observer;
        _faults = runFaults ?? FaultSpec.None;
        _faultsFromRun = runFaults is not null;
        // Under schedule exploration every entry is placed on its processor, so a violation can show a per-CPU timeline.
        Log = new ViolationLog(new CallTrace(observer: observer) { TracksProcessors = _scheduler.Interleaves });
    }

    /// <summary>True once a fault of the run's spec was injected: the script's assertions stop deciding.</summary>
    /// <remarks>Sticky: the state the script meets after one is not the state it was written for, even once a later <c>fault</c> command takes over.</remarks>
    private bool RunFaultInjected => _runPlan is { Injected.Count: > 0 };

    /// <summary>The violation log of this execution.</summary>
    public ViolationLog Log { get; }

    /// <summary>Why the script was skipped, once it was.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Runs every command; returns normally even when the driver crashes or the script is wrong.</summary>
    public void Run()
    {
        ScriptCommand? current = null;
        try
        {
            foreach (var command in _script.Commands)
            {
                current = command;
                Log.BeginCommand(command.Location);
                try
                {
                    Execute(command);
                }
                catch (ScriptSequenceException skipped) when (RunFaultInjected)
                {
                    // After an injected failure NetDMA or the PnP manager would not make this call (a channel whose
                    // allocation failed is never started): the command is skipped and the script goes on.
                    _observer.CheckRecorded(new CheckResult(command.Location, ScriptFormatter.Format(command) + UnderFaults, true, [],
                        $"skipped: {skipped.Message}, after the fault(s) --faults injected ({string.Join("; ", _runPlan!.Injected)})"));
                }

                // Between script lines the machine is idle: every processor drops below DISPATCH_LEVEL, so queued
                // DPCs run now, as they would on Windows (managing-hardware-priorities.md).
                _world?.Kernel.DrainDpcs();
            }
        }
        catch (CapabilityMissingException missing)
        {
            SkipReason = missing.Message;
        }
        catch (DriverUnavailableException unavailable)
        {
            SkipReason = unavailable.Message;
        }
        catch (NetDmaVersionSkipException version)
        {
            SkipReason = version.Message;
        }
        catch (MachineHaltedException)
        {
            // A deadlock was reported where it happened; the processors cannot go on, so neither can the script.
        }
        catch (ThreadInterruptedException) when (_world?.Kernel.ScheduleEnded == true)
        {
            // Coyote ended the schedule (a deadlock, or its step bound) and interrupted every operation; the kernel
            // reported it while they were paused (NDMA2003). No driver code threw.
        }
        catch (ScriptSequenceException sequence)
        {
            Fail(current!, ScriptExecutionSteps.ScriptError, [], $"{sequence.Message}; the script stops here.");
        }
        catch (Exception crash)
        {
            // Driver code threw: in kernel mode this is a bug check. Record it against the routine it escaped from.
            var routine = Log.Trace.FaultedRoutine ?? "a driver routine";
            Log.Report(StatusRules.CallbackReturns, "the routine returns to its caller",
                $"{crash.GetType().Name} thrown ({crash.Message}) during: {routine.Trim()}");
        }

        if (SkipReason is null)
        {
            ReportUnconsumedViolations(current?.Location ?? new SourceLocation(_script.File, 1, 1));
        }
    }

    private void Execute(ScriptCommand command)
    {
        switch (command)
        {
            case TitleCommand:
                break;
            case FaultCommand f:
                _faults = f.Spec;
                _faultsFromRun = false;
                if (_world is not null)
                {
                    _world.Kernel.Faults = f.Spec.IsEmpty ? null : new FaultPlan(f.Spec, Log);
                }

                break;
            case PlatformCommand p:
                _options = new HostOptions(p.Processors, p.MsiX, p.NetDmaMajor, p.NetDmaMinor, p.PciVendorId)
                {
                    AllocateInProviderStart = p.AllocateInProviderStart,
                    DmaAlignment = p.DmaAlignment,
                };
                break;
            case DriverCommand d:
                _driverKind = d.Kind;
                break;
            case BufferCommand b:
                DeclareBuffer(b);
                break;
            case ChainCommand c:
                _chains[c.Name] = c;
                break;
            case AddDeviceCommand:
                AddDevice();
                break;
            case StartDeviceCommand:
                StartDevice();
                break;
            case StopDeviceCommand:
                StopDevice();
                break;
            case RemoveDeviceCommand:
                RemoveDevice();
                break;
            case SurpriseRemoveCommand:
                World.Kernel.SurpriseRemove(World.Pdo);
                break;
            case SetPowerCommand p:
                SetPower(p);
                break;
            case AllocateCommand a:
                _lastStatus = World.Host.AllocateChannel(a.Channel, a.AffinityMask, a.Priority, a.Site);
                break;
            case FreeCommand f:
                World.Host.FreeChannel(f.Channel, f.Site);
                break;
            case StartDmaCommand s:
                _lastStatus = World.Host.StartDma(s.Channel, Descriptors(s.Chain, s.Channel), s.Site);
                break;
            case AppendDmaCommand a:
                _lastStatus = World.Host.AppendDma(a.Channel, Descriptors(a.Chain, a.Channel), a.Site);
                break;
            case SuspendDmaCommand s:
                _lastStatus = World.Host.SuspendDma(s.Channel, s.Site);
                break;
            case ResumeDmaCommand r:
                _lastStatus = World.Host.ResumeDma(r.Channel, r.Site);
                break;
            case RelinkCommand r:
                World.Host.Relink(r.Channel, Descriptors(r.Chain, r.Channel));
                break;
            case AbortDmaCommand a:
                _lastStatus = World.Host.AbortDma(a.Channel, a.Site);
                break;
            case ResetChannelCommand r:
                _lastStatus = World.Host.ResetChannel(r.Channel, r.Site);
                break;
            case RunCommand r:
                RunHardware(r.Steps);
                break;
            case ConcurrentlyCommand c:
                RunConcurrently(c);
                break;
            case TransferCommand t:
                Transfer(t);
                break;
            default:
                Assert(command);
                break;
        }
    }

    /// <summary>The simulated machine, created by the first command that needs it (after platform/driver lines).</summary>
    private World World => _world ?? CreateWorld();

    /// <summary>
    /// A <c>concurrently</c> block: each line a lane on its <c>cpu=</c> (NetDMA calls) or the hardware (<c>run</c>),
    /// reporting at its own line.
    /// </summary>
    private void RunConcurrently(ConcurrentlyCommand block)
    {
        var world = World;
        var lanes = block.Lanes.Select(lane => new ConcurrentLane(lane is RunCommand ? null : ChannelCallSite.Of(lane).Cpu, () =>
        {
            Log.BeginLane(lane.Location);
            try
            {
                Execute(lane);
            }
            finally
            {
                Log.BeginLane(null);
            }
        })).ToList();
        world.Kernel.RunConcurrently(lanes);
    }

    private World CreateWorld()
    {
        _world = new World(_options, Log, _driverKind, _factory);
        _world.Kernel.Scheduler = _scheduler;
        if (!_faults.IsEmpty)
        {
            var plan = new FaultPlan(_faults, Log);
            _world.Kernel.Faults = plan;
            if (_faultsFromRun)
            {
                _runPlan = plan;
            }
        }

        return _world;
    }

    private void DeclareBuffer(BufferCommand command)
    {
        var buffer = World.Kernel.Memory.Allocate(command.Name, command.Size, MemoryKind.Data, command.Alignment);
        var bytes = command.Fill.Kind switch
        {
            BufferFillKind.Pattern => BufferPattern.For(command.Name, checked((int)command.Size)),
            BufferFillKind.Byte => Enumerable.Repeat(command.Fill.Value, checked((int)command.Size)).ToArray(),
            _ => new byte[command.Size],
        };
        World.Kernel.Memory.WriteBytes(buffer, 0, bytes);
        _buffers[command.Name] = buffer;
    }

    private PhysicalAddress Physical(BufferRef reference) => _buffers[reference.Buffer].PhysicalBase.Offset(reference.Offset);

    private IReadOnlyList<DescriptorSpec> Descriptors(string chainName, string channel)
    {
        var chain = _chains[chainName];
        var specs = new List<DescriptorSpec>(chain.Descriptors.Count);
        for (var i = 0; i < chain.Descriptors.Count; i++)
        {
            var descriptor = chain.Descriptors[i];
            var flags = NetDmaDescriptorControlFlags.None;
            var isLast = i == chain.Descriptors.Count - 1;
            if (chain.Interrupt == InterruptMode.Each || (chain.Interrupt == InterruptMode.Last && isLast))
            {
                flags |= NetDmaDescriptorControlFlags.NET_DMA_INTERRUPT_ON_COMPLETION;
            }

            if (chain.StatusUpdate)
            {
                flags |= NetDmaDescriptorControlFlags.NET_DMA_STATUS_UPDATE_ON_COMPLETION;
            }

            if (chain.Serialize)
            {
                flags |= NetDmaDescriptorControlFlags.NET_DMA_SERIALIZE_TRANSFER;
            }

            specs.Add(descriptor switch
            {
                { IsNullTransfer: true } => new DescriptorSpec(PhysicalAddress.Null, PhysicalAddress.Null, 0, flags | NetDmaDescriptorControlFlags.NET_DMA_NULL_TRANSFER),
                { ContextChange: { } apic } => ContextChange(channel, apic, flags),
                _ => CopySpec(descriptor, flags),
            });
        }

        return specs;
    }

    /// <summary>A copy descriptor, with NET_DMA_SOURCE_PAGE_BREAK / NET_DMA_DESTINATION_PAGE_BREAK and the NetDMA 2.0 next addresses when the script gives them.</summary>
    private DescriptorSpec CopySpec(CopyDescriptor descriptor, NetDmaDescriptorControlFlags flags)
    {
        if (descriptor.NextSource is not null)
        {
            flags |= NetDmaDescriptorControlFlags.NET_DMA_SOURCE_PAGE_BREAK;
        }

        if (descriptor.NextDestination is not null)
        {
            flags |= NetDmaDescriptorControlFlags.NET_DMA_DESTINATION_PAGE_BREAK;
        }

        return new DescriptorSpec(Physical(descriptor.Source), Physical(descriptor.Destination), descriptor.Length, flags)
        {
            NextSource = descriptor.NextSource is { } s ? Physical(s) : PhysicalAddress.Null,
            NextDestination = descriptor.NextDestination is { } d ? Physical(d) : PhysicalAddress.Null,
        };
    }

    /// <summary>
    /// A DCA context change descriptor: NET_DMA_OP_TYPE_CONTEXT_CHANGE with DCAContext8 = <paramref name="apicId"/>
    /// in the TransferSize union; its addresses name a buffer of the channel's own, which no engine may touch.
    /// </summary>
    private DescriptorSpec ContextChange(string channel, byte apicId, NetDmaDescriptorControlFlags flags)
    {
        var scratch = World.Host.ContextChangeBuffer(channel);
        return new DescriptorSpec(scratch, scratch, apicId, flags | NetDmaDescriptorControlFlags.NET_DMA_OP_TYPE_CONTEXT_CHANGE);
    }

    private void AddDevice()
    {
        var world = World;
        if (world.NetDmaDriver is { } provider)
        {
            world.Host.InAddDevice = true;
            try
            {
                _lastStatus = world.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, SimulatedKernel.AddDeviceRoutineName, PnpPage, () => provider.AddDevice(world.Environment));
            }
            finally
            {
                world.Host.InAddDevice = false;
            }

            // The PnP manager sends IRP_MN_FILTER_RESOURCE_REQUIREMENTS as soon as AddDevice has returned successfully;
            // on an MSI-X platform the provider asks there for the interrupt affinities NetDMA gave it
            // (setting-the-netdma-interrupt-cpu-affinities.md: NDMA3025).
            if (_options.MsiX && _lastStatus is { } added && NtStatusFacts.NT_SUCCESS(added))
            {
                var wanted = world.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, "FilterResourceRequirements (IRP_MN_FILTER_RESOURCE_REQUIREMENTS)",
                    "setting-the-netdma-interrupt-cpu-affinities.md", provider.FilterResourceRequirements);
                world.Host.RecordInterruptRequest(wanted ?? []);
            }
        }
        else
        {
            var fdo = world.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, SimulatedKernel.AddDeviceRoutineName, "nf-wdm-iogetdmaadapter.md", () => world.WdmDriver!.AddDevice(world.Environment));
            world.Fdo = fdo;
            _lastStatus = fdo is null ? NtStatus.STATUS_UNSUCCESSFUL : NtStatus.STATUS_SUCCESS;
        }
    }

    private void StartDevice()
    {
        RequireOnBus("IRP_MN_START_DEVICE");
        var world = World;
        DeviceResources resources;
        if (world.NetDmaDriver is not null && world.Host.RequestedInterruptCpus is { } wanted)
        {
            // The platform grants one MSI-X message per CPU asked for in IRP_MN_FILTER_RESOURCE_REQUIREMENTS (sent after
            // AddDevice, nf-netdma-netdmaregisterprovider.md); a CPU that does not exist gets CPU 0.
            var messages = wanted.Select((cpu, i) => new InterruptMessage((uint)i, cpu < (uint)_options.ProcessorCount ? cpu : 0)).ToList();
            resources = new DeviceResources(true, messages);
        }
        else
        {
            resources = new DeviceResources(false, [new InterruptMessage(0, 0)]);
        }

        world.Kernel.SetInterruptResources(world.Pdo, resources);
        if (world.NetDmaDriver is { } netDma)
        {
            world.Host.RecordGrantedInterrupts(resources);
            world.Host.InStartDevice = true;
            try
            {
                _lastStatus = world.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, SimulatedKernel.StartDeviceRoutineName, "starting-a-netdma-provider.md", () => netDma.StartDevice(resources));
            }
            finally
            {
                world.Host.InStartDevice = false;
            }

            world.Host.CheckInterruptRequestCoversChannels();
        }
        else
        {
            _lastStatus = world.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, SimulatedKernel.StartDeviceRoutineName, "nf-wdm-iogetdmaadapter.md", () => world.WdmDriver!.StartDevice(resources));
            if (world.Fdo is { } fdo && _lastStatus is { } started && NtStatusFacts.NT_SUCCESS(started))
            {
                world.Kernel.CheckAlignmentRequirement(fdo);
            }
        }
    }

    /// <summary>
    /// After a surprise removal (the <c>surprise_remove</c> command, or a <c>surprise-removal</c> fault mid-transfer) the
    /// PnP manager sends the device only IRP_MN_REMOVE_DEVICE: a start or stop the script still asks for is not sent.
    /// </summary>
    private void RequireOnBus(string irp)
    {
        if (World.Kernel.IsSurpriseRemoved(World.Pdo))
        {
            throw new ScriptSequenceException($"the PnP manager sends no {irp} to a device that was surprise-removed; IRP_MN_REMOVE_DEVICE follows");
        }
    }

    private void StopDevice()
    {
        RequireOnBus("IRP_MN_STOP_DEVICE");
        var world = World;
        if (world.NetDmaDriver is { } driver)
        {
            world.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, "StopDevice (IRP_MN_STOP_DEVICE)", "stopping-a-netdma-provider.md", driver.StopDevice);
            return;
        }

        // nc-wdm-pput_dma_adapter.md: "A driver must call PutDmaAdapter when it receives a PnP IRP_MN_STOP_DEVICE
        // request" (NDMA4007).
        world.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, "StopDevice (IRP_MN_STOP_DEVICE)", "nc-wdm-pput_dma_adapter.md", world.WdmDriver!.StopDevice);
        world.Kernel.CheckDmaAdaptersPut(_factory.Name, "IRP_MN_STOP_DEVICE");
    }

    private void RemoveDevice()
    {
        var world = World;
        if (world.NetDmaDriver is { } provider)
        {
            world.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, "RemoveDevice (IRP_MN_REMOVE_DEVICE)", "stopping-a-netdma-provider.md", provider.RemoveDevice);
            Log.Checked(LifecycleRules.DeregisterAtRemove);
            if (world.Host.Provider is { State: not ProviderState.Deregistered } registration)
            {
                Log.Report(LifecycleRules.DeregisterAtRemove, "NetDmaDeregisterProvider while handling IRP_MN_REMOVE_DEVICE",
                    $"the provider is still {registration.State} after removal", "nf-netdma-netdmaderegisterprovider.md");
            }
        }
        else
        {
            world.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, "RemoveDevice (IRP_MN_REMOVE_DEVICE)", "nc-wdm-pput_dma_adapter.md", world.WdmDriver!.RemoveDevice);
        }

        world.Kernel.CheckNoPoolLeaks(_factory.Name);
        world.Kernel.CheckDmaAdaptersPut(_factory.Name, "IRP_MN_REMOVE_DEVICE");
        world.Kernel.CheckFailedChannelIrpsCompleted();
    }

    /// <summary>
    /// IRP_MN_SET_POWER to the driver's <see cref="IDevicePowerDriver"/>, through the host, which moves the device's
    /// power state around the driver's handler and checks the provider's power notifications (NDMA3020).
    /// </summary>
    private void SetPower(SetPowerCommand command)
    {
        var world = World;
        if ((world.NetDmaDriver as object ?? world.WdmDriver) is not IDevicePowerDriver driver)
        {
            throw CapabilityMissingException.ForInterface($"IRP_MN_SET_POWER (set_power {command.StateName})", nameof(IDevicePowerDriver));
        }

        _lastStatus = world.Host.SetDevicePower(command.DeviceState, () => world.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL,
            $"SetPower (IRP_MN_SET_POWER {command.DeviceState})", "ne-netdma-_net_dma_pnp_notification_code.md", () => driver.SetPower(command.DeviceState)));
    }

    private void RunHardware(int? steps)
    {
        World.Kernel.RaiseSpuriousInterrupts();
        var run = World.Kernel.RunHardware(steps ?? RunCommand.IdleBound);
        World.Host.CheckInterruptsDelivered();
        Log.Checked(MemoryRules.EngineGoesIdle);
        if (steps is null && !run.Idle)
        {
            Log.Report(MemoryRules.EngineGoesIdle, $"the DMA engine idle within {RunCommand.IdleBound} steps of the submitted descriptors",
                $"still busy after {run.StepsTaken} steps (does the engine follow NextDescriptor past DescriptorCount?)", MemoryRules.EngineGoesIdle.Page);
        }
    }

    private void Transfer(TransferCommand command)
    {
        var world = World;
        if (world.Fdo is null)
        {
            throw new ScriptSequenceException("transfer needs a WDM driver whose AddDevice returned a device object");
        }

        var buffer = _buffers[command.Buffer.Buffer];
        var mdl = new Mdl(buffer.VirtualBase.Offset(command.Buffer.Offset), buffer.PhysicalBase.Offset(command.Buffer.Offset), command.Length);
        var irp = new Irp(mdl, command.WriteToDevice);
        _transfers.Add(irp);
        world.Kernel.StartPacket(world.Fdo, irp, world.WdmDriver!.StartIo);
    }

    private void Assert(ScriptCommand command)
    {
        switch (command)
        {
            case AssertStatusCommand s:
                Check(s, ScriptFormatter.Format(s), [], _lastStatus == s.Expected,
                    $"expected {NtStatusFacts.Describe(s.Expected)}, the last call returned {(_lastStatus is { } last ? NtStatusFacts.Describe(last) : "nothing yet")}");
                break;
            case AssertCpuInMaskCommand m:
                AssertCpuInMask(m);
                break;
            case AssertCpuCommand c:
                var cpu = Channel(c.Channel).Parameters.CpuNumber;
                AssertRule(c, LifecycleRules.CpuNumberReported, cpu == c.Cpu, $"expected CpuNumber {c.Cpu}, the provider reported {cpu}");
                break;
            case AssertDpcCpuCommand d:
                AssertDpcCpu(d);
                break;
            case AssertCopiedCommand c:
                AssertCopied(c);
                break;
            case AssertBytesCommand b:
                AssertBytes(b);
                break;
            case AssertCompletionCommand c:
                AssertCompletion(c);
                break;
            case AssertInterruptsCommand i:
                var isrs = Channel(i.Channel).IsrCount;
                if (_scheduler.Interleaves)
                {
                    // Interleaved, one ISR may find several completions already signalled ("the current DMA descriptor
                    // might already be different from the descriptor that triggered the interrupt", nf-netdma-netdmaisr.md):
                    // the count is then between one and the sequential count.
                    AssertRule(i, LifecycleRules.InterruptOnCompletionDelivered, i.Count == 0 ? isrs == 0 : isrs >= 1 && isrs <= i.Count,
                        $"expected {(i.Count == 0 ? "no" : $"1 to {i.Count}")} NetDmaIsr call(s) for {i.Channel} under interleaving, saw {isrs}");
                }
                else
                {
                    AssertRule(i, LifecycleRules.InterruptOnCompletionDelivered, isrs == i.Count,
                        $"expected {i.Count} NetDmaIsr call(s) for {i.Channel}, saw {isrs}");
                }
                break;
            case AssertViolationCommand v:
                AssertViolations(v);
                break;
            case AssertNoViolationCommand n:
                AssertNoViolation(n);
                break;
            case AssertIrpCommand irp:
                AssertIrp(irp);
                break;
            default:
                throw new InvalidOperationException($"{command.Location}: the runner has no case for {command.GetType().Name}");
        }
    }

    private HostChannel Channel(string name) =>
        World.Host.AllChannels.LastOrDefault(c => c.Name == name) ?? throw new ScriptSequenceException($"channel '{name}' was never allocated");

    private void AssertCpuInMask(AssertCpuInMaskCommand command)
    {
        var parameters = Channel(command.Channel).Parameters;
        var cpu = parameters.CpuNumber;
        var inMask = cpu < 32 && cpu < _options.ProcessorCount && (parameters.ProcessorAffinityMask & (1u << (int)cpu)) != 0;
        AssertRule(command, LifecycleRules.CpuNumberInMask, inMask,
            $"expected a CpuNumber in ProcessorAffinityMask 0x{parameters.ProcessorAffinityMask:X8}, the provider reported {(cpu == NetDmaHost.CpuNumberNotWritten ? "nothing (unwritten)" : cpu.ToString())}");
    }

    private void AssertDpcCpu(AssertDpcCpuCommand command)
    {
        var channel = Channel(command.Channel);
        var expected = channel.Parameters.CpuNumber;
        var ok = channel.DpcCount > 0 && channel.DpcProcessors.All(c => c == expected);
        AssertRule(command, LifecycleRules.DpcOnReportedCpu, ok,
            channel.DpcCount == 0
                ? $"expected NetDmaInterruptDpc calls for {command.Channel} on CPU {expected}; there were none"
                : $"expected every NetDmaInterruptDpc for {command.Channel} on CPU {expected}; they ran on CPU(s) {string.Join(", ", channel.DpcProcessors)}");
    }

    private void AssertCopied(AssertCopiedCommand command)
    {
        var memory = World.Kernel.Memory;
        var source = memory.ReadBytes(_buffers[command.Source.Buffer], command.Source.Offset, (int)command.Length);
        var destination = memory.ReadBytes(_buffers[command.Destination.Buffer], command.Destination.Offset, (int)command.Length);
        var first = FirstDifference(source, destination);
        AssertRule(command, MemoryRules.DataCopiedExactly, first < 0,
            first < 0 ? $"{command.Length} bytes equal"
                : $"byte {first} differs: source 0x{source[first]:X2}, destination 0x{destination[first]:X2} ({CountDifferences(source, destination)} of {command.Length} bytes differ)");
    }

    private void AssertBytes(AssertBytesCommand command)
    {
        var bytes = World.Kernel.Memory.ReadBytes(_buffers[command.At.Buffer], command.At.Offset, (int)command.Length);
        var first = Array.FindIndex(bytes, b => b != command.Value);
        AssertRule(command, MemoryRules.DataCopiedExactly, first < 0,
            first < 0 ? $"{command.Length} bytes are 0x{command.Value:X2}" : $"byte {first} is 0x{bytes[first]:X2}, expected 0x{command.Value:X2}");
    }

    private void AssertCompletion(AssertCompletionCommand command)
    {
        var word = World.Host.ReadCompletionStatus(command.Channel);
        var status = (NetDmaTransferStatus)(word & 0x7);
        AssertRule(command, MemoryRules.CompletionStatusWritten, status == command.Status,
            $"expected {command.Status}, the completion status is 0x{word:X16} ({status})");
    }

    /// <summary>
    /// Passes when no violation is pending; otherwise fails once per pending violation, located at the command during
    /// which it was observed and naming this assertion's line. The violations are consumed, so the end of the script
    /// does not report them a second time.
    /// </summary>
    private void AssertNoViolation(AssertNoViolationCommand command)
    {
        var step = ScriptFormatter.Format(command);
        var pending = Log.Pending.ToList();
        pending.ForEach(p => Log.Consume(p.Rule.Id));
        if (pending.Count == 0)
        {
            Check(command, step, [], true, "no violation pending");
        }

        foreach (var violation in pending)
        {
            var observedAt = violation.Location ?? command.Location;
            _observer.CheckRecorded(new CheckResult(observedAt, step, false, [violation.Rule.Id], violation.Details,
                observedAt == command.Location ? null : command.Location));
        }
    }

    private void AssertViolations(AssertViolationCommand command)
    {
        foreach (var rule in command.Rules)
        {
            var found = Log.Consume(rule.Id);
            Check(command, $"assert_violation {rule.Id}", [rule.Id], found is not null,
                found is not null ? found.Message
                    : $"expected a violation of {rule.Id} ({rule.Statement}); none was reported" +
                      (Log.Pending.Count > 0 ? $"; pending instead: {string.Join(", ", Log.Pending.Select(p => p.Rule.Id))}" : ""));
        }
    }

    private void AssertIrp(AssertIrpCommand command)
    {
        var ok = command.Index < _transfers.Count && _transfers[command.Index].CompletionStatus == command.Status;
        var actual = command.Index >= _transfers.Count ? $"there are only {_transfers.Count} transfers"
            : _transfers[command.Index].CompletionStatus is { } s ? $"it completed with {NtStatusFacts.Describe(s)}" : "it was not completed";
        Check(command, ScriptFormatter.Format(command), [], ok, $"expected transfer {command.Index} completed with {NtStatusFacts.Describe(command.Status)}; {actual}");
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        var index = a.AsSpan().CommonPrefixLength(b);
        return index == a.Length ? -1 : index;
    }

    private static int CountDifferences(byte[] a, byte[] b) => a.Zip(b).Count(p => p.First != p.Second);

    /// <summary>Records an assertion; a failed one cites each rule it concerns with its statement and source page.</summary>
    /// <summary>An assertion that judges the provider against <paramref name="rule"/>: it counts as an evaluation of the rule's check.</summary>
    private void AssertRule(ScriptCommand command, Rule rule, bool passed, string message)
    {
        Log.Checked(rule);
        Check(command, ScriptFormatter.Format(command), [rule.Id], passed, message);
    }

    private void Check(ScriptCommand command, string step, IReadOnlyList<string> rules, bool passed, string message)
    {
        if (!passed && RunFaultInjected)
        {
            // The script asserts what happens without faults; under the run's faults only the rules decide.
            _observer.CheckRecorded(new CheckResult(command.Location, step + UnderFaults, true, rules,
                $"not decided: {message}, after the fault(s) --faults injected ({string.Join("; ", _runPlan!.Injected)})"));
            return;
        }

        if (!passed)
        {
            foreach (var id in rules)
            {
                if (RuleCatalog.TryGet(id, out var rule) && !message.Contains(rule.Source, StringComparison.Ordinal))
                {
                    message += $" [{rule.Id} ({rule.Level}): {rule.Statement} Source: {rule.Source}.]";
                }
            }
        }

        _observer.CheckRecorded(new CheckResult(command.Location, step, passed, rules, message));
    }

    private void Fail(ScriptCommand command, string step, IReadOnlyList<string> rules, string message) =>
        _observer.CheckRecorded(new CheckResult(command.Location, step, false, rules, message));

    /// <summary>
    /// Each violation no assertion consumed becomes a check at the command during which it was observed
    /// (<paramref name="fallback"/>, the last command run, for one observed outside any command).
    /// </summary>
    private void ReportUnconsumedViolations(SourceLocation fallback)
    {
        foreach (var violation in Log.Pending)
        {
            // A SHOULD rule is reported but does not fail the script.
            var passes = violation.Rule.Level == RuleLevel.SHOULD;
            _observer.CheckRecorded(new CheckResult(violation.Location ?? fallback,
                passes ? ScriptExecutionSteps.Warning : ScriptExecutionSteps.UnexpectedViolation, passes, [violation.Rule.Id], violation.Details));
        }
    }
}
