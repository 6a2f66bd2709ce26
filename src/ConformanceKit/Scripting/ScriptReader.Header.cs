using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>Header commands (title, platform, driver), their placement, and the driver-kind and PnP commands.</summary>
internal sealed partial class ScriptReader
{
    private static readonly string[] OnOff = ["on", "off"];
    private static readonly string[] NetDmaVersions = ["1.0", "1.1", "2.0"];
    private static readonly string[] DriverKinds = [DriverCommand.NetDma, DriverCommand.Wdm];
    private static readonly string[] PowerStates = ["D3", "D0"];

    /// <summary>The <c>set_power D3</c> the device is in since, or null while it is in D0.</summary>
    private SourceLocation? _poweredDownAt;

    private void CheckHeaderPlacement(ScriptToken keyword)
    {
        if (_firstBodyCommand is { } first)
        {
            throw new ScriptParseException(keyword.Location, "title, platform and driver only before any other command",
                $"'{keyword.Text}' after '{first.Keyword}' at {At(first.Location)}");
        }

        if (_header.TryGetValue(keyword.Text, out var earlier))
        {
            throw new ScriptParseException(keyword.Location, $"at most one '{keyword.Text}'",
                $"a second '{keyword.Text}' (the first is at {At(earlier)})");
        }

        _header.Add(keyword.Text, keyword.Location);
    }

    private void CheckDriverKind(ScriptToken keyword)
    {
        if (_driverKind == DriverCommand.NetDma && ScriptKeywords.WdmOnly.Contains(keyword.Text))
        {
            throw new ScriptParseException(keyword.Location, "a command of a NetDMA provider script", keyword.Describe(),
                $"'{keyword.Text}' needs 'driver wdm' at the top of the script");
        }

        if (_driverKind == DriverCommand.Wdm && ScriptKeywords.NetDmaOnly.Contains(keyword.Text))
        {
            throw new ScriptParseException(keyword.Location, "a command of a WDM driver script", keyword.Describe(),
                $"'{keyword.Text}' needs 'driver netdma' (the default)");
        }

        if (ScriptKeywords.PnP.Contains(keyword.Text) && ScriptEntryPoints.For(keyword.Text, _driverKind) is null)
        {
            var available = ScriptKeywords.PnP.Where(k => ScriptEntryPoints.For(k, _driverKind) is not null);
            throw new ScriptParseException(keyword.Location,
                $"a PnP command the {_driverKind} driver has ({string.Join(", ", available)})", keyword.Describe());
        }
    }

    private TitleCommand ReadTitle(SourceLocation at, LineCursor cursor)
    {
        var text = cursor.Expect(ScriptTokenKind.String, "a quoted title");
        if (string.IsNullOrWhiteSpace(text.Value))
        {
            throw new ScriptParseException(text.Location, "a non-empty title", text.Describe());
        }

        cursor.ExpectEnd(ScriptKeywords.Title);
        _title = text.Value;
        return new TitleCommand(at, text.Value);
    }

    private PlatformCommand ReadPlatform(SourceLocation at, LineCursor cursor)
    {
        var (processors, msix) = (PlatformCommand.DefaultProcessors, PlatformCommand.DefaultMsiX);
        var (major, minor) = (PlatformCommand.DefaultNetDmaMajor, PlatformCommand.DefaultNetDmaMinor);
        var vendor = PlatformCommand.DefaultPciVendorId;
        var allocateInStart = false;
        var dmaAlignment = 1u;
        foreach (var option in InLineOrder(cursor.ReadOptions(ScriptKeywords.Platform, "processors", "msix", "netdma", "vendor", "allocate_in_start", "dma_alignment")))
        {
            switch (option.Text)
            {
                case "processors":
                    processors = (int)LineCursor.NumberIn(option.ValueToken,
                        $"a processor count, 1..{PlatformCommand.MaxProcessors}", 1, PlatformCommand.MaxProcessors);
                    break;
                case "msix":
                    msix = Choice(option.ValueToken, OnOff, "on or off") == "on";
                    break;
                case "dma_alignment":
                    dmaAlignment = (uint)LineCursor.NumberIn(option.ValueToken, $"a DMA alignment in bytes, a power of two, 1..{PlatformCommand.MaxDmaAlignment}", 1, PlatformCommand.MaxDmaAlignment);
                    if ((dmaAlignment & (dmaAlignment - 1)) != 0)
                    {
                        throw new ScriptParseException(option.ValueToken.Location, "a DMA alignment in bytes, a power of two", option.ValueToken.Describe());
                    }

                    break;
                case "allocate_in_start":
                    allocateInStart = Choice(option.ValueToken, OnOff, "on or off") == "on";
                    break;
                case "vendor":
                    // 0x0000 and 0xFFFF are not vendor IDs: 0xFFFF is what a read of an absent PCI function returns.
                    vendor = (ushort)LineCursor.NumberIn(option.ValueToken, "a PCI vendor ID, 0x0001..0xFFFE", 0x0001, 0xFFFE);
                    break;
                default:
                    var version = Choice(option.ValueToken, NetDmaVersions, "a NetDMA version (1.0, 1.1 or 2.0)");
                    (major, minor) = ((uint)(version[0] - '0'), (uint)(version[2] - '0'));
                    break;
            }
        }

        _processors = processors;
        return new PlatformCommand(at, processors, msix, major, minor, vendor) { AllocateInProviderStart = allocateInStart, DmaAlignment = dmaAlignment };
    }

    private DriverCommand ReadDriver(SourceLocation at, LineCursor cursor)
    {
        var kind = Choice(cursor.Next(), DriverKinds, "a driver kind (netdma or wdm)");
        cursor.ExpectEnd(ScriptKeywords.Driver);
        _driverKind = kind;
        return new DriverCommand(at, kind);
    }

    private ScriptCommand ReadPnP(ScriptToken keyword, LineCursor cursor, ScriptCommand command)
    {
        CheckPnPOrder(keyword);
        cursor.ExpectEnd(keyword.Text);
        RecordCall(keyword.Text, keyword.Location);
        _device = keyword.Text switch
        {
            ScriptKeywords.AddDevice or ScriptKeywords.StopDevice => ScriptDeviceState.Added,
            ScriptKeywords.StartDevice => ScriptDeviceState.Started,
            _ => ScriptDeviceState.NotAdded,
        };
        _deviceSince = (keyword.Text, keyword.Location);

        // NetDMA frees every channel before NetDmaProviderStop returns, and a removed provider is stopped first
        // (stopping-a-netdma-provider.md, freeing-a-netdma-channel.md).
        if (keyword.Text is ScriptKeywords.StopDevice or ScriptKeywords.RemoveDevice)
        {
            foreach (var (name, state) in _channels.ToList())
            {
                if (state.FreedAt is null)
                {
                    _channels[name] = state with { FreedAt = keyword.Location };
                }
            }
        }

        return command;
    }

    /// <summary>
    /// <c>surprise_remove</c>: the added device leaves the bus. Afterwards the PnP manager sends it only
    /// IRP_MN_REMOVE_DEVICE (no IRP_MN_START_DEVICE, no IRP_MN_STOP_DEVICE), and a device that left the bus does not
    /// come back in the same script.
    /// </summary>
    private SurpriseRemoveCommand ReadSurpriseRemove(ScriptToken keyword, LineCursor cursor)
    {
        if (_device == ScriptDeviceState.NotAdded || _surpriseRemovedAt is not null)
        {
            throw new ScriptParseException(keyword.Location, "'surprise_remove' only while a device is added and still on the bus",
                _surpriseRemovedAt is { } at ? $"{keyword.Describe()} after 'surprise_remove' at {At(at)}" : $"{keyword.Describe()} {DeviceStateText()}");
        }

        cursor.ExpectEnd(keyword.Text);
        _surpriseRemovedAt = keyword.Location;
        return new SurpriseRemoveCommand(keyword.Location);
    }

    /// <summary>
    /// <c>set_power D3|D0</c>: IRP_MN_SET_POWER to the started device, alternating: D3 only from D0, D0 only from D3
    /// (the power manager sends a device the state it is not in).
    /// </summary>
    private SetPowerCommand ReadSetPower(ScriptToken keyword, LineCursor cursor)
    {
        CheckDeviceStarted(keyword);
        var token = cursor.Next();
        var state = Choice(token, PowerStates, "a device power state (D3 or D0)") == "D3"
            ? DevicePowerState.PowerDeviceD3
            : DevicePowerState.PowerDeviceD0;
        var current = _poweredDownAt is null ? "D0" : "D3";
        if ((state == DevicePowerState.PowerDeviceD3) == (_poweredDownAt is not null))
        {
            throw new ScriptParseException(token.Location, $"'{keyword.Text} {(current == "D0" ? "D3" : "D0")}' (the device is in {current})",
                $"'{keyword.Text} {token.Text}'" + (_poweredDownAt is { } since ? $" after 'set_power D3' at {At(since)}" : ""));
        }

        cursor.ExpectEnd(keyword.Text);
        RecordCall(keyword.Text, keyword.Location);
        _poweredDownAt = state == DevicePowerState.PowerDeviceD3 ? keyword.Location : null;
        return new SetPowerCommand(keyword.Location, state);
    }

    /// <summary>The PnP manager's order: add, start/stop any number of times, remove; nothing before add or twice in a row.</summary>
    private void CheckPnPOrder(ScriptToken keyword)
    {
        if (_surpriseRemovedAt is { } removedAt && (keyword.Text != ScriptKeywords.RemoveDevice || _device == ScriptDeviceState.NotAdded))
        {
            throw new ScriptParseException(keyword.Location,
                _device == ScriptDeviceState.NotAdded
                    ? "no PnP command after the 'remove_device' of a surprise-removed device (it does not come back in this script)"
                    : "'remove_device' after 'surprise_remove' (the PnP manager sends a surprise-removed device only IRP_MN_REMOVE_DEVICE)",
                $"{keyword.Describe()} after 'surprise_remove' at {At(removedAt)}");
        }

        var allowed = keyword.Text switch
        {
            ScriptKeywords.AddDevice => _device == ScriptDeviceState.NotAdded,
            ScriptKeywords.StartDevice => _device == ScriptDeviceState.Added,
            ScriptKeywords.StopDevice => _device == ScriptDeviceState.Started,
            _ => _device != ScriptDeviceState.NotAdded,
        };
        if (allowed)
        {
            return;
        }

        var expected = keyword.Text switch
        {
            ScriptKeywords.AddDevice => "'add_device' only when no device is added (again after 'remove_device')",
            ScriptKeywords.StartDevice => "'start_device' only after 'add_device' or 'stop_device'",
            ScriptKeywords.StopDevice => "'stop_device' only after 'start_device'",
            _ => "'remove_device' only after 'add_device'",
        };
        throw new ScriptParseException(keyword.Location, expected, $"{keyword.Describe()} {DeviceStateText()}");
    }

    /// <summary>Requires a started device: NetDMA allocates channels only from a started provider and the I/O manager sends IRPs only to a started device.</summary>
    private void CheckDeviceStarted(ScriptToken keyword)
    {
        if (_device != ScriptDeviceState.Started)
        {
            throw new ScriptParseException(keyword.Location, $"a started device before '{keyword.Text}' (add_device, then start_device)",
                $"{keyword.Describe()} {DeviceStateText()}");
        }
    }

    private string DeviceStateText() => _deviceSince is not { } since
        ? "with no device added"
        : _device switch
        {
            ScriptDeviceState.Started => $"while the device is started (by '{since.Keyword}' at {At(since.Location)})",
            ScriptDeviceState.Added => $"while the device is added but not started (by '{since.Keyword}' at {At(since.Location)})",
            _ => $"after the device was removed (by '{since.Keyword}' at {At(since.Location)})",
        };

    /// <summary>The options of a line in the order they are written, so the leftmost bad one is reported first.</summary>
    private static IEnumerable<ScriptToken> InLineOrder(Dictionary<string, ScriptToken> options) =>
        options.Values.OrderBy(o => o.Location.Column);

    /// <summary>Reads <paramref name="token"/> as one of <paramref name="choices"/> (exact spelling).</summary>
    private static string Choice(ScriptToken token, IReadOnlyList<string> choices, string expected)
    {
        if (token.Kind is ScriptTokenKind.Word or ScriptTokenKind.Number && choices.Contains(token.Text))
        {
            return token.Text;
        }

        // Suggest only for words: "did you mean '1.0'?" for netdma=3.0 would be noise.
        var hint = token.Kind == ScriptTokenKind.Word ? NearestName.Hint(token.Text, choices) : null;
        throw new ScriptParseException(token.Location, expected, token.Describe(), hint);
    }
}
