using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// Devices and interrupts: AttachDevice, SetInterruptResources, IoConnectInterruptEx, IoDisconnectInterruptEx and
/// the delivery of requested interrupts to the connected ISR.
/// </summary>
/// <remarks>
/// A requested interrupt that cannot reach an ISR (a message the device was not granted, or no ISR connected) is
/// reported under the kit rule NDMA3040 (InterruptOnGrantedMessage; no corpus page documents IoConnectInterruptEx or
/// the start resources) and dropped. When the interrupt was for a descriptor with NET_DMA_INTERRUPT_ON_COMPLETION, the
/// host also reports NDMA3014 at the end of the run: its NetDmaIsr never came.
/// </remarks>
public sealed partial class SimulatedKernel
{
    /// <summary>The routine name ISRs run under in traces and reports.</summary>
    public const string IsrRoutineName = "ISR (KMESSAGE_SERVICE_ROUTINE)";

    /// <summary>The device IRQL ISRs run at (a DIRQL, 5).</summary>
    public const Irql InterruptIrql = (Irql)5;

    /// <summary>Most interrupts one <see cref="DeliverInterrupts"/> delivers before it reports an interrupt storm (NDMA2003).</summary>
    public const int InterruptDeliveryBudget = 100_000;

    private const string IsrPage = "managing-hardware-priorities.md";

    private readonly Dictionary<DeviceObject, DeviceBus> _devices = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DeviceObject, DeviceResources> _resources = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DeviceObject, InterruptConnection> _connections = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<(DeviceBus Bus, uint MessageId)> _pendingInterrupts = new();
    private bool _delivering;

    /// <summary>Interrupts requested and not yet delivered.</summary>
    public int PendingInterruptCount => _pendingInterrupts.Count;

    /// <summary>
    /// Plugs a device in: returns its bus, through which its engine does DMA, raises interrupts and joins the hardware
    /// clock.
    /// </summary>
    /// <param name="pdo">The device's PDO; its name is the DMA initiator in reports.</param>
    /// <returns>The device's bus.</returns>
    /// <exception cref="InvalidOperationException">The device is already attached.</exception>
    public DeviceBus AttachDevice(DeviceObject pdo)
    {
        ArgumentNullException.ThrowIfNull(pdo);
        if (_devices.ContainsKey(pdo))
        {
            throw new InvalidOperationException($"Device {pdo} is already attached.");
        }

        var bus = new DeviceBus(this, pdo);
        _devices.Add(pdo, bus);
        return bus;
    }

    /// <summary>
    /// Fixes the interrupts the platform granted the device at IRP_MN_START_DEVICE: what IoConnectInterruptEx
    /// connects, each message delivered on its <see cref="InterruptMessage.TargetProcessor"/>.
    /// </summary>
    /// <param name="pdo">An attached device.</param>
    /// <param name="resources">The granted interrupts.</param>
    /// <exception cref="InvalidOperationException">The device is not attached.</exception>
    /// <exception cref="ArgumentException">A target processor that does not exist.</exception>
    public void SetInterruptResources(DeviceObject pdo, DeviceResources resources)
    {
        ArgumentNullException.ThrowIfNull(pdo);
        ArgumentNullException.ThrowIfNull(resources);
        if (!_devices.ContainsKey(pdo))
        {
            throw new InvalidOperationException($"Device {pdo} is not attached.");
        }

        foreach (var message in resources.Interrupts.Where(m => m.TargetProcessor >= ProcessorCount))
        {
            throw new ArgumentException(
                $"Message {message.MessageId} targets cpu{message.TargetProcessor}; there are {ProcessorCount} processors.", nameof(resources));
        }

        _resources[pdo] = resources;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Connects <paramref name="MessageServiceRoutine"/> to every interrupt granted by
    /// <see cref="SetInterruptResources"/>. Returns STATUS_INSUFFICIENT_RESOURCES when the device has no granted
    /// interrupts or already has an ISR connected; the second is also reported under the kit rule NDMA3051
    /// (InterruptConnectedOnce; the corpus has no IoConnectInterruptEx page), whatever an injected fault would do.
    /// </remarks>
    public NtStatus IoConnectInterruptEx(DeviceObject PhysicalDeviceObject, KMessageServiceRoutine MessageServiceRoutine,
        object? ServiceContext, out KInterrupt? InterruptObject)
    {
        ArgumentNullException.ThrowIfNull(PhysicalDeviceObject);
        ArgumentNullException.ThrowIfNull(MessageServiceRoutine);
        InterruptObject = null;
        if (!Enter(nameof(IoConnectInterruptEx), $"{PhysicalDeviceObject}"))
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        Log.Checked(LifecycleRules.InterruptConnectedOnce);
        if (_connections.ContainsKey(PhysicalDeviceObject))
        {
            // Judged before an injected connect-interrupt fault: the misuse is the driver's whatever the call returns.
            Log.Report(LifecycleRules.InterruptConnectedOnce,
                "IoConnectInterruptEx only for a device with no ISR connected (IoDisconnectInterruptEx first)",
                $"IoConnectInterruptEx({PhysicalDeviceObject}) while the ISR connected before is still connected = STATUS_INSUFFICIENT_RESOURCES");
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        if (!_resources.TryGetValue(PhysicalDeviceObject, out var resources) || resources.Interrupts.Count == 0)
        {
            Log.Trace.Record($"  IoConnectInterruptEx: {PhysicalDeviceObject} has no granted interrupts = STATUS_INSUFFICIENT_RESOURCES");
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        if (Faults?.FailConnectInterrupt($"IoConnectInterruptEx({PhysicalDeviceObject})") == true)
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        InterruptObject = new KInterrupt();
        _connections.Add(PhysicalDeviceObject,
            new InterruptConnection(PhysicalDeviceObject, InterruptObject, MessageServiceRoutine, ServiceContext));
        return NtStatus.STATUS_SUCCESS;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Interrupts the device requested and that were not delivered yet are dropped with the connection. Disconnecting
    /// an interrupt object that is not connected is traced and ignored (no catalog rule covers it).
    /// </remarks>
    public void IoDisconnectInterruptEx(KInterrupt InterruptObject)
    {
        ArgumentNullException.ThrowIfNull(InterruptObject);
        if (!Enter(nameof(IoDisconnectInterruptEx), string.Empty))
        {
            return;
        }

        var connection = _connections.Values.FirstOrDefault(c => ReferenceEquals(c.Interrupt, InterruptObject));
        if (connection is null)
        {
            Log.Trace.Record("  IoDisconnectInterruptEx: the interrupt object is not connected; ignored");
            return;
        }

        _connections.Remove(connection.Device);
        var kept = _pendingInterrupts.Where(p => !ReferenceEquals(p.Bus.Device, connection.Device)).ToList();
        _pendingInterrupts.Clear();
        kept.ForEach(_pendingInterrupts.Enqueue);
    }

    /// <summary>
    /// Delivers every requested interrupt: on the message's target processor, raised to <see cref="InterruptIrql"/>,
    /// the connected ISR runs through <see cref="InvokeDriver{T}"/> (routine <see cref="IsrRoutineName"/>). An interrupt
    /// whose target processor is already at or above that IRQL stays pending (masked). An ISR that throws is reported
    /// as NDMA2002. Interrupts requested by an ISR are delivered too, up to <see cref="InterruptDeliveryBudget"/>.
    /// A nested call (from inside an ISR) does nothing.
    /// </summary>
    /// <returns>The number of ISR calls made.</returns>
    public int DeliverInterrupts()
    {
        if (_delivering)
        {
            return 0;
        }

        _delivering = true;
        var delivered = 0;
        // Built only when an interrupt is masked (rare): delivery itself allocates nothing.
        List<(DeviceBus Bus, uint MessageId)>? masked = null;
        try
        {
            while (_pendingInterrupts.TryDequeue(out var pending))
            {
                if (delivered >= InterruptDeliveryBudget)
                {
                    Log.Report(StatusRules.CallbackTerminates,
                        $"ISRs that stop requesting interrupts (at most {InterruptDeliveryBudget} deliveries at a time)",
                        $"{delivered} interrupts delivered and {_pendingInterrupts.Count + 1} still pending; these were dropped", IsrPage);
                    _pendingInterrupts.Clear();
                    break;
                }

                if (Deliver(pending.Bus, pending.MessageId) is { } outcome)
                {
                    delivered += outcome ? 1 : 0;
                    if (!outcome)
                    {
                        (masked ??= []).Add(pending);
                    }
                }
            }
        }
        finally
        {
            if (masked is not null)
            {
                masked.ForEach(_pendingInterrupts.Enqueue);
            }
            _delivering = false;
        }

        return delivered;
    }

    internal void QueueInterrupt(DeviceBus bus, uint messageId)
    {
        Log.Trace.Record(new TraceEntry("{0} {1} -> interrupt message {2}", WhereValue, TraceValue.Describe(bus.Device), messageId));
        _pendingInterrupts.Enqueue((bus, messageId));
    }

    /// <returns>True when the ISR ran, false when the target processor masks it, null when it was dropped.</returns>
    private bool? Deliver(DeviceBus bus, uint messageId, bool entryPoint = true)
    {
        var device = bus.Device;
        var granted = _resources.TryGetValue(device, out var resources) ? resources.Interrupts : [];
        Log.Checked(LifecycleRules.InterruptOnGrantedMessage);
        var target = GrantedTarget(granted, messageId);
        if (target is null)
        {
            var list = granted.Count == 0 ? "none" : string.Join(", ", granted.Select(m => $"message {m.MessageId} -> cpu{m.TargetProcessor}"));
            Log.Report(LifecycleRules.InterruptOnGrantedMessage,
                "interrupts signalled only on messages granted in the device's start resources",
                $"{device} signalled interrupt message {messageId}, which it was not granted (granted: {list}); the interrupt was dropped");
            return null;
        }

        if (!_connections.TryGetValue(device, out var connection))
        {
            Log.Report(LifecycleRules.InterruptOnGrantedMessage,
                "an ISR connected with IoConnectInterruptEx before the device signals interrupts",
                $"{device} signalled interrupt message {messageId} with no ISR connected; the interrupt was dropped");
            return null;
        }

        var cpu = target.Value;
        if (_processors[cpu].Irql >= InterruptIrql)
        {
            return false;
        }

        CallSystemRoutine(cpu, InterruptIrql, IsrRoutineName, IsrPage, (Kernel: this, Connection: connection, Cpu: cpu, MessageId: messageId), static call =>
        {
            var claimed = call.Connection.ServiceRoutine(call.Connection.Interrupt, call.Connection.ServiceContext, call.MessageId);
            call.Kernel.Log.Trace.Record(new TraceEntry("{0} <- {1}(message {2}) = {*}", TraceValue.Processor(call.Cpu, InterruptIrql), IsrRoutineName, call.MessageId,
                new TraceArguments("{0}", TraceValue.Boolean(claimed))));
        }, entryPoint);
        return true;
    }

    /// <summary>The target processor of granted message <paramref name="messageId"/>, or null when it was not granted (a loop: this runs per interrupt).</summary>
    private static uint? GrantedTarget(IReadOnlyList<InterruptMessage> granted, uint messageId)
    {
        for (var i = 0; i < granted.Count; i++)
        {
            if (granted[i].MessageId == messageId)
            {
                return granted[i].TargetProcessor;
            }
        }

        return null;
    }

    /// <summary>
    /// Calls a driver routine the system itself starts (DPC, ISR): like <see cref="InvokeDriver"/>, but an exception is
    /// reported as NDMA2002 instead of propagating, since no driver caller is there to receive it.
    /// </summary>
    /// <remarks>With <paramref name="entryPoint"/> false the routine's entry scheduling point is left out (an ISR delivered straight after a point, <see cref="Serve"/>).</remarks>
    private void CallSystemRoutine<TState>(uint cpu, Irql irql, string routine, string page, TState state, Action<TState> body, bool entryPoint = true)
    {
        try
        {
            InvokeDriver(cpu, irql, routine, page, (State: state, Body: body), static call =>
            {
                call.Body(call.State);
                return true;
            }, default, entryPoint);
        }
        catch (Exception exception) when (!EndsTheSchedule(exception))
        {
            Log.Report(StatusRules.CallbackReturns, $"{routine} returns to the kernel",
                $"{routine} on cpu{cpu} threw {exception.GetType().Name}: {exception.Message}", page);
        }
    }
}
