namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4013: from its DPC, before asking for the next piece of a long transfer, it clears
/// DeviceObject->CurrentIrp, so AllocateAdapterChannel is called outside StartIo without CurrentIrp pointing to the IRP
/// (nc-wdm-driver_control.md: "drivers must set the CurrentIrp member ... before calling AllocateAdapterChannel").
/// Its AdapterControl uses its Context, not Irp, so the transfer still works.
/// </summary>
public sealed class CurrentIrpClearedDriver : BrokenWdmDriver
{
    private NetDma.Contracts.Wdm.Irp? _saved;

    protected override void BeforeNextPieceFromDpc()
    {
        _saved = Fdo.CurrentIrp;
        Fdo.CurrentIrp = null;
    }

    protected override void AfterFlush()
    {
        // Put it back for the I/O manager once the piece is requested (next DPC), so only the request is wrong.
        if (_saved is not null)
        {
            Fdo.CurrentIrp = _saved;
            _saved = null;
        }
    }
}
