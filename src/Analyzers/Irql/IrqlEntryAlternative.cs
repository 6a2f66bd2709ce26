using System;

namespace NetDma.Analyzers.Irql;

/// <summary>One way a function is entered: the levels it brings, whether part of it is unknown, and why (for messages).</summary>
/// <param name="Levels">The known levels.</param>
/// <param name="Unknown">True when the way in can also bring a level the analysis does not know.</param>
/// <param name="Origin">Why: <c>ProviderAllocateDmaChannel runs at IRQL &lt;= DISPATCH_LEVEL, nc-netdma-dma_channel_allocate_handler.md</c>.</param>
internal sealed record IrqlEntryAlternative(IrqlLevels Levels, bool Unknown, string Origin);
