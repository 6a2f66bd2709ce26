namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary><see cref="BrokenWdmDriver"/> with nothing overridden: the control that shows the base itself is correct.</summary>
public sealed class UnbrokenWdmDriver : BrokenWdmDriver;
