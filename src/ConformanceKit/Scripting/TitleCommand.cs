namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>title "text"</c>: the script's one-line title (at most once, in the header). Also <see cref="Script.Title"/>.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Text">The title, without quotes; <c>\"</c> and <c>\\</c> escapes resolved.</param>
public sealed record TitleCommand(SourceLocation Location, string Text)
    : ScriptCommand(Location);
