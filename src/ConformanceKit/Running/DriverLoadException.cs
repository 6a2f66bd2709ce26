namespace NetDma.ConformanceKit.Running;

/// <summary>A provider assembly could not be used; the message says why and what to do.</summary>
public sealed class DriverLoadException(string message) : Exception(message);
