namespace NetDma.ConformanceKit.Running;

/// <summary>The driver under test has no driver of the kind a script exercises; the script is skipped with this reason.</summary>
public sealed class DriverUnavailableException(string message) : Exception(message);
