namespace NetDma.ConformanceKit.Host;

/// <summary>
/// The script asked the host to do something the NetDMA interface itself never does (append before start, allocate
/// from a provider that is not started, use a freed channel). That is an error in the script, not in the provider:
/// the runner reports it at the script line and stops the script.
/// </summary>
public sealed class ScriptSequenceException(string message) : Exception(message);
