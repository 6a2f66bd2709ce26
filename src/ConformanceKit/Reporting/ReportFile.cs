namespace NetDma.ConformanceKit.Reporting;

/// <summary>Where every report writer puts its file: the path as given, its folder created first.</summary>
internal static class ReportFile
{
    /// <summary>Creates <paramref name="path"/>'s folder and then the file, truncating an existing one.</summary>
    /// <exception cref="IOException">The folder or the file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write there.</exception>
    public static FileStream Create(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return File.Create(path);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 without a byte order mark, creating its folder.</summary>
    public static void WriteText(string path, string text)
    {
        using var file = Create(path);
        using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(text);
    }
}
