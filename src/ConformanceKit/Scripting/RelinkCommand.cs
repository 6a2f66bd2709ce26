namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>relink ch0 c2</c>: while the channel is suspended, NetDMA replaces what follows the descriptor the engine
/// processed last (pLastDescriptor of the suspend) with the chain <see cref="Chain"/>, by rewriting that descriptor's
/// NextDescriptor; the resumed engine must reload it to get the new next descriptor (nc-netdma-dma_resume_handler.md).
/// No provider handler is called.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">An allocated, suspended channel.</param>
/// <param name="Chain">The chain that replaces the unprocessed rest.</param>
public sealed record RelinkCommand(SourceLocation Location, string Channel, string Chain)
    : ScriptCommand(Location);
