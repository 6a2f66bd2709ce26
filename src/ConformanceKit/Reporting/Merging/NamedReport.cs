using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Reporting.Merging;

/// <summary>A report read back from a file, with the file's name, so that a merge error can say which report it concerns.</summary>
/// <param name="Source">The file the report was read from, as given.</param>
/// <param name="Report">The report.</param>
public sealed record NamedReport(string Source, RunReport Report);
