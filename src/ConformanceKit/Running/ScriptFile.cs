namespace NetDma.ConformanceKit.Running;

/// <summary>A script to run: where it is, and the short name reports use for it (and in its file:line:column locations).</summary>
/// <param name="Path">The file's path.</param>
/// <param name="DisplayName">Its path relative to the folder given to the run's parent (<c>conformance/05-copy.ndma</c>), '/'-separated.</param>
public sealed record ScriptFile(string Path, string DisplayName);
