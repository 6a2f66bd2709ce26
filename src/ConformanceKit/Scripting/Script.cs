namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// A parsed and statically checked conformance script: its commands in file order. Produced by
/// <see cref="ScriptParser"/>; every name a command uses is declared earlier in <see cref="Commands"/>.
/// </summary>
/// <param name="File">The file name or path the script was parsed from (used in every <see cref="SourceLocation"/>).</param>
/// <param name="Title">The text of the <c>title</c> command, or <see langword="null"/> when the script has none.</param>
/// <param name="Commands">The commands in file order, including the header commands (title, platform, driver).</param>
public sealed record Script(string File, string? Title, IReadOnlyList<ScriptCommand> Commands)
{
    /// <summary>
    /// The driver kind the script exercises: the <see cref="DriverCommand"/>'s kind, or
    /// <see cref="DriverCommand.NetDma"/> when the script has no <c>driver</c> command.
    /// </summary>
    public string DriverKind => Commands.OfType<DriverCommand>().FirstOrDefault()?.Kind ?? DriverCommand.NetDma;

    /// <summary>
    /// The platform the script asks for: its <see cref="PlatformCommand"/>, or <see langword="null"/> when it has
    /// none (then the defaults <see cref="PlatformCommand.DefaultProcessors"/>, <see cref="PlatformCommand.DefaultMsiX"/>
    /// and NetDMA <see cref="PlatformCommand.DefaultNetDmaMajor"/>.<see cref="PlatformCommand.DefaultNetDmaMinor"/> apply).
    /// </summary>
    public PlatformCommand? Platform => Commands.OfType<PlatformCommand>().FirstOrDefault();

    /// <summary>
    /// The text the script was parsed from (what a worker process is sent to run it), or empty for a script built in
    /// code. Not part of equality.
    /// </summary>
    public string Source { get; init; } = "";

    /// <inheritdoc/>
    public bool Equals(Script? other) =>
        other is not null && File == other.File && Title == other.Title && Commands.SequenceEqual(other.Commands);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(File, Title, Commands.Count);
}
