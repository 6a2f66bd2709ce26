namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The kit could not start or talk to a worker process (the worker assembly is missing, the runtime refused it, the
/// protocol broke): an internal error of the kit, not a verdict on the provider. The message says what happened.
/// </summary>
public sealed class WorkerStartException(string message) : Exception(message);
