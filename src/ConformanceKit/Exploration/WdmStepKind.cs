namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// What one generated step of a WDM DMA driver's exploration asks of it (<see cref="WdmSequenceModel"/>): the I/O
/// manager's and PnP manager's side, since the driver's own calls (StartIo, AllocateAdapterChannel, AdapterControl,
/// MapTransfer ...) are what is under test.
/// </summary>
public enum WdmStepKind
{
    /// <summary>A transfer IRP queued to the driver's StartIo (IoStartPacket) for a fresh, aligned buffer (<c>transfer</c>).</summary>
    Transfer,

    /// <summary>The hardware runs until idle (<c>run</c>); every transfer queued so far must then be completed with STATUS_SUCCESS.</summary>
    Run,

    /// <summary>The hardware runs a few steps (<c>run steps=k</c>); what completed is not known to the model.</summary>
    RunSteps,

    /// <summary>IRP_MN_STOP_DEVICE then IRP_MN_START_DEVICE, after the outstanding transfers completed (the PnP manager's order).</summary>
    RestartDevice,
}
