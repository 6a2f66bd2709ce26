using System.Globalization;
using System.Text.Json;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Faults;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Reporting.Merging;

/// <summary>
/// Reads a kit JSON report (<see cref="JsonReportWriter"/>, <c>docs/json-report.md</c>) back into the
/// <see cref="RunReport"/> the writers take, so that <c>netdma-kit merge</c> can write the JUnit, SARIF and JSON
/// reports of several CI shards from their JSON reports alone: the JSON report is the one format that keeps everything
/// the other two are made of (checks with their locations, violations, injected faults, per-rule evaluation counts).
/// </summary>
/// <remarks>
/// Only reports of this kit's own version (<see cref="KitVersion.Current"/>) and <see cref="JsonReportWriter.FormatVersion"/>
/// are read: their fields are read into this build's model. Derived fields (<c>exitCode</c>, the counts,
/// <c>requirements</c>) are not read: the writers derive them again from the scripts, so a merged report's verdicts
/// are computed over every shard's scripts, not added up. Violations name their rule by ID and get the rule from
/// <see cref="RuleCatalog"/>; an ID the catalog does not know is an error (the report is not this kit's).
/// </remarks>
public static class JsonReportReader
{
    /// <summary>Reads the JSON report at <paramref name="path"/>.</summary>
    /// <param name="path">The report file.</param>
    /// <exception cref="ReportMergeException">The file is missing or unreadable, not JSON, not a kit JSON report, or of another kit version.</exception>
    public static RunReport Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ReportMergeException($"{path}: no such report file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportMergeException($"{path}: cannot read the report: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Reads a JSON report from <paramref name="json"/>.</summary>
    /// <param name="json">The report's text.</param>
    /// <param name="source">The name errors give the report (its file).</param>
    /// <exception cref="ReportMergeException">The text is not JSON, not a kit JSON report, or of another kit version.</exception>
    public static RunReport Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            // LineNumber and BytePositionInLine are 0-based; editors count from 1.
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            throw new ReportMergeException($"{source}:{line}:{position}: not valid JSON: {ParserReason(e.Message)}", e);
        }

        using (document)
        {
            return ReadReport(new Node(document.RootElement, "", source));
        }
    }

    /// <summary>The parser's message without the position it appends (the message gives its own, 1-based).</summary>
    private static string ParserReason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }

    private static RunReport ReadReport(Node root)
    {
        if (root.Element.ValueKind != JsonValueKind.Object || !root.Element.TryGetProperty("formatVersion", out _))
        {
            throw new ReportMergeException($"{root.Source}: not a netdma-kit JSON report (no formatVersion; write one with `--json <path>`)");
        }

        var format = root.Int("formatVersion");
        if (format != JsonReportWriter.FormatVersion)
        {
            throw new ReportMergeException($"{root.Source}: a JSON report of format version {format}; this kit reads format version {JsonReportWriter.FormatVersion}");
        }

        var tool = root.Optional("tool");
        var version = tool?.String("version");
        if (tool is null || tool.Value.String("name") != KitVersion.ToolName)
        {
            throw new ReportMergeException($"{root.Source}: not a netdma-kit JSON report of this kit version (no tool.version); this is netdma-kit {KitVersion.Current}");
        }

        if (version != KitVersion.Current)
        {
            throw new ReportMergeException($"{root.Source}: written by netdma-kit {version}, this is netdma-kit {KitVersion.Current}: merge reports with the kit version that wrote them");
        }

        var scripts = root.Array("scripts").Select(ReadScript).ToList();
        return new RunReport(root.String("driver") ?? throw root.Error("driver", "is null"), scripts)
        {
            StartTime = root.Time("startTime"),
            EndTime = root.Time("endTime"),
            Faults = root.Optional("faults") is { } faults ? ReadFaultSpec(faults) : null,
            Exploration = root.Optional("exploration") is { } exploration ? ReadExploration(exploration) : null,
        };
    }

    private static ExploredCases ReadExploration(Node node)
    {
        var shards = node.Array("shards").Select(s => s.IntValue()).ToList();
        var cases = new ExploredCases(node.RequiredString("firstSeed"), node.Int("iterations"), node.Int("shardCount"), shards);
        if (cases.Iterations < 1 || cases.ShardCount < 1 || shards.Count == 0 || shards.Any(s => s < 1 || s > cases.ShardCount)
            || shards.Distinct().Count() != shards.Count)
        {
            throw node.Error("", $"is not an exploration of 1..{cases.ShardCount} shards ({cases})");
        }

        return cases with { Shards = [.. shards.Order()] };
    }

    private static FaultSpec ReadFaultSpec(Node node)
    {
        var text = node.RequiredString("spec");
        try
        {
            return FaultSpec.Parse(text);
        }
        catch (FaultSpecException e)
        {
            throw node.Error("spec", $"'{text}' is not a fault spec: {e.Message}");
        }
    }

    private static ScriptResult ReadScript(Node node)
    {
        var outcome = node.RequiredString("outcome") switch
        {
            "passed" => ScriptOutcome.Passed,
            "failed" => ScriptOutcome.Failed,
            "skipped" => ScriptOutcome.Skipped,
            var other => throw node.Error("outcome", $"'{other}' is not passed, failed or skipped"),
        };
        var driverKind = node.RequiredString("driverKind");
        if (driverKind is not (DriverCommand.NetDma or DriverCommand.Wdm))
        {
            throw node.Error("driverKind", $"'{driverKind}' is not {DriverCommand.NetDma} or {DriverCommand.Wdm}");
        }

        var evaluations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in node.Object("evaluations"))
        {
            evaluations[property.Name] = property.Value.IntValue();
        }

        return new ScriptResult(
            node.RequiredString("file"), node.RequiredString("name"), node.String("title"), outcome,
            [.. node.Array("checks").Select(ReadCheck)], [.. node.Array("violations").Select(ReadViolation)], node.String("skipReason"))
        {
            Duration = TimeSpan.FromSeconds(node.Double("durationSeconds")),
            DriverKind = driverKind,
            Evaluations = evaluations,
            Faults = node.Optional("faults") is not null ? [.. node.Array("faults").Select(ReadFault)] : [],
        };
    }

    private static CheckResult ReadCheck(Node node) => new(
        ReadLocation(node.Required("location")), node.RequiredString("step"), node.Bool("passed"),
        [.. node.Array("ruleIds").Select(id => id.StringValue())], node.RequiredString("message"),
        node.Optional("assertedAt") is { } assertedAt ? ReadLocation(assertedAt) : null);

    private static Violation ReadViolation(Node node)
    {
        var id = node.RequiredString("ruleId");
        if (!RuleCatalog.TryGet(id, out var rule))
        {
            throw node.Error("ruleId", $"'{id}' is not a rule of this kit's catalog");
        }

        return new Violation(rule, node.RequiredString("expected"), node.RequiredString("actual"), node.String("page"),
            [.. node.Array("callSequence").Select(entry => entry.StringValue())], OptionalLocation(node))
        {
            Timeline = node.Optional("timeline") is null ? null
                : [.. node.Array("timeline").Select(entry => new TimelineEntry(entry.RequiredString("column"), entry.String("irql"), entry.RequiredString("text"))
                {
                    // Reports written before the timeline carried held locks have no "held".
                    Held = entry.Optional("held") is null ? [] : [.. entry.Array("held").Select(h => h.StringValue())],
                })],
        };
    }

    private static InjectedFault ReadFault(Node node)
    {
        var name = node.RequiredString("kind");
        var kinds = Enum.GetValues<FaultKind>().Where(k => FaultClause.NameOf(k) == name).ToList();
        if (kinds.Count != 1)
        {
            throw node.Error("kind", $"'{name}' is not a fault kind");
        }

        return new InjectedFault(kinds[0], node.RequiredString("point"), node.RequiredString("effect"), OptionalLocation(node), node.Long("callIndex"));
    }

    private static SourceLocation? OptionalLocation(Node node) =>
        node.Optional("location") is { } location ? ReadLocation(location) : null;

    private static SourceLocation ReadLocation(Node node) =>
        new(node.RequiredString("file"), node.Int("line"), node.Int("column"));

    /// <summary>
    /// A value of the document and its JSON path (<c>scripts[2].checks[0]</c>), so that a missing or mistyped field is
    /// reported where it is.
    /// </summary>
    private readonly record struct Node(JsonElement Element, string Path, string Source)
    {
        public Node Required(string name)
        {
            if (Element.ValueKind != JsonValueKind.Object)
            {
                throw Error("", "is not an object");
            }

            if (!Element.TryGetProperty(name, out var value))
            {
                throw Error(name, "is missing");
            }

            return new Node(value, Join(name), Source);
        }

        /// <summary>The property, or null when it is absent or JSON null.</summary>
        public Node? Optional(string name) =>
            Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? new Node(value, Join(name), Source)
                : null;

        public string? String(string name)
        {
            var value = Required(name);
            return value.Element.ValueKind == JsonValueKind.Null ? null : value.StringValue();
        }

        public string RequiredString(string name) => Required(name).StringValue();

        public string StringValue() =>
            Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw Error("", "is not a string");

        public int Int(string name) => Required(name).IntValue();

        public int IntValue() =>
            Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var value) ? value : throw Error("", "is not a 32-bit integer");

        public long Long(string name)
        {
            var value = Required(name);
            return value.Element.ValueKind == JsonValueKind.Number && value.Element.TryGetInt64(out var number) ? number : throw value.Error("", "is not an integer");
        }

        public double Double(string name)
        {
            var value = Required(name);
            return value.Element.ValueKind == JsonValueKind.Number && value.Element.TryGetDouble(out var number) && number >= 0
                ? number
                : throw value.Error("", "is not a number of seconds");
        }

        public bool Bool(string name)
        {
            var value = Required(name);
            return value.Element.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw value.Error("", "is not true or false"),
            };
        }

        public DateTimeOffset Time(string name)
        {
            var text = RequiredString(name);
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : throw Error(name, $"'{text}' is not a date-time");
        }

        public IEnumerable<Node> Array(string name)
        {
            var value = Required(name);
            if (value.Element.ValueKind != JsonValueKind.Array)
            {
                throw value.Error("", "is not an array");
            }

            var path = value.Path;
            var source = Source;
            return value.Element.EnumerateArray().Select((item, i) => new Node(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), source)).ToList();
        }

        public IEnumerable<(string Name, Node Value)> Object(string name)
        {
            var value = Required(name);
            if (value.Element.ValueKind != JsonValueKind.Object)
            {
                throw value.Error("", "is not an object");
            }

            var path = value.Path;
            var source = Source;
            return value.Element.EnumerateObject().Select(p => (p.Name, new Node(p.Value, $"{path}.{p.Name}", source))).ToList();
        }

        /// <summary>The error "<c>file: not a netdma-kit JSON report: path.name what</c>".</summary>
        public ReportMergeException Error(string name, string what)
        {
            var at = name.Length == 0 ? Path : Join(name);
            return new ReportMergeException($"{Source}: not a netdma-kit JSON report: {(at.Length == 0 ? "the document" : at)} {what}");
        }

        private string Join(string name) => Path.Length == 0 ? name : $"{Path}.{name}";
    }
}
