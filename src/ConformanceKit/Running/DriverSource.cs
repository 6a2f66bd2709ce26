namespace NetDma.ConformanceKit.Running;

/// <summary>
/// Where the driver under test comes from, in a form another process can load: an assembly path and, when it holds
/// several driver classes of one kind, the class to use (<see cref="DriverAssemblyLoader"/> rules).
/// </summary>
/// <param name="AssemblyPath">Full path of the provider assembly (.dll).</param>
/// <param name="TypeName">Full or short name of the driver class, or null to take the only one of each kind.</param>
public sealed record DriverSource(string AssemblyPath, string? TypeName = null);
