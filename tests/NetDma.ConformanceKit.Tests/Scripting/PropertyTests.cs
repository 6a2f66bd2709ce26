using System.Text;
using CsCheck;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Scripting;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;
using Xunit.Abstractions;

namespace NetDma.ConformanceKit.Tests.Scripting;

/// <summary>
/// Random scripts from a small generator of well-formed units parse to the right number of commands, and random
/// single-character corruptions of them fail only with <see cref="ScriptParseException"/> at a location inside the
/// text. The runs are deterministic: iteration i uses the CsCheck PCG with stream i and seed <see cref="Seed"/>, and
/// every failure message carries that pair and the script.
/// </summary>
public sealed class PropertyTests(ITestOutputHelper output)
{
    private const ulong Seed = 0x5C41_7E57_2026;
    private const int Iterations = 400;

    private const string Preamble =
        "title \"random\"\n" +
        "platform processors=4\n" +
        "add_device\n" +
        "start_device\n" +
        "buffer src 4096 fill=pattern\n" +
        "buffer dst 4096\n" +
        "chain c1 src+0->dst+0:512\n" +
        "allocate ch0 mask=0b0110\n" +
        "start ch0 c1\n";

    private const int PreambleCommands = 9;

    /// <summary>One unit: lines to append (with <c>{n}</c> standing for the unit's index) and how many commands they hold.</summary>
    private readonly record struct Unit(string Text, int Commands);

    private static readonly Gen<string> Space = Gen.OneOf(Gen.Const(" "), Gen.Const("  "), Gen.Const("\t"), Gen.Const(" \t "));

    private static readonly Gen<string> Site =
        Gen.Select(Gen.Int[0, 3], Gen.OneOf<string>([.. IrqlNames.Known]), Gen.Int[0, 3], (shape, irql, cpu) => shape switch
        {
            0 => "",
            1 => $" irql={irql}",
            2 => $" cpu={cpu}",
            _ => $" cpu={cpu} irql={irql}",
        });

    private static Gen<string> Number(ulong min, ulong max) =>
        Gen.Select(Gen.ULong[min, max], Gen.Int[0, 3], (value, style) => style switch
        {
            0 => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => $"0x{value:X}",
            2 => "0b" + Convert.ToString((long)value, 2),
            _ => Grouped(value),
        });

    private static string Grouped(ulong value)
    {
        var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                text.Append('_');
            }

            text.Append(digits[i]);
        }

        return text.ToString();
    }

    /// <summary>An offset and a length that together stay inside a 4096-byte buffer.</summary>
    private static readonly Gen<(string Offset, string Length)> Range =
        Gen.ULong[0, 4095].SelectMany(offset => Gen.Select(Number(offset, offset), Number(1, 4096 - offset)));

    private static readonly Gen<Unit> UnitGen = Gen.Frequency(
        (3, Site.Select(s => new Unit($"start ch0 c1{s}", 1))),
        (3, Site.Select(s => new Unit($"append ch0 c1{s}", 1))),
        (1, Site.Select(s => new Unit($"suspend ch0{s}\nresume ch0{s}", 2))),
        (1, Gen.Select(Gen.OneOf<string>("abort", "reset"), Site, (op, s) => new Unit($"{op} ch0{s}\nstart ch0 c1", 2))),
        (1, Gen.Select(Number(1, 0b1111), Site, (mask, s) => new Unit($"free ch0{s}\nallocate ch0 mask={mask}{s}\nstart ch0 c1", 3))),
        (2, Gen.OneOf(Gen.Const(new Unit("run", 1)), Number(1, 100_000).Select(n => new Unit($"run steps={n}", 1)))),
        (2, Gen.Select(Range, Gen.Int[0, 1], (r, d) => new Unit($"assert_copied {(d == 0 ? "src" : "dst")}+{r.Offset} dst+{r.Offset} {r.Length}", 1))),
        (2, Gen.Select(Range, Number(0, 255), (r, b) => new Unit($"assert_bytes dst+{r.Offset} {r.Length} {b}", 1))),
        (1, Number(0, 3).Select(cpu => new Unit($"assert_cpu ch0 {cpu}", 1))),
        (1, Gen.OneOf<string>("assert_cpu_in_mask ch0", "assert_dpc_cpu ch0", "assert_no_violation").Select(t => new Unit(t, 1))),
        (1, Number(0, 1000).Select(n => new Unit($"assert_interrupts ch0 {n}", 1))),
        (1, Gen.OneOf<string>("Active", "Idle", "Suspend", "Halted", "Armed").Select(s => new Unit($"assert_completion ch0 {s}", 1))),
        (1, Gen.OneOf<string>([.. RuleCatalog.All.Select(r => r.Id)]).Array[1, 3].Select(ids => new Unit($"assert_violation {string.Join(' ', ids)}", 1))),
        (1, Gen.OneOf<string>([.. Enum.GetNames<NtStatus>(), "STATUS_RESOURCES", "0xC0000001"]).Select(s => new Unit($"start ch0 c1\nassert_status {s}", 2))),
        (1, Gen.Select(Number(1, BufferCommand.MaxSize), Gen.OneOf<string>("", " fill=zero", " fill=pattern", " fill=0xA5"), (size, fill) => new Unit($"buffer b{{n}} {size}{fill}", 1))),
        (1, Gen.Select(Range, Gen.OneOf<string>("", " null"), Gen.OneOf<string>("", " interrupt=each", " status=off interrupt=none"),
            (r, extra, options) => new Unit($"chain k{{n}} src+{r.Offset}->dst+{r.Offset}:{r.Length}{extra}{options}\nappend ch0 k{{n}}", 2))),
        (1, Gen.OneOf<string>("# a comment", "", "   ", "\t# indented comment").Select(t => new Unit(t, 0))));

    /// <summary>A whole script: the preamble and 0..30 units, with random indentation, spacing and trailing comments.</summary>
    private static readonly Gen<(string Text, int Commands)> ScriptGen =
        Gen.Select(UnitGen, Space, Gen.Int[0, 3]).Array[0, 30].Select(units =>
        {
            var text = new StringBuilder(Preamble);
            var commands = PreambleCommands;
            for (var n = 0; n < units.Length; n++)
            {
                var (unit, space, decoration) = units[n];
                foreach (var line in unit.Text.Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Split('\n'))
                {
                    var spaced = line.Replace(" ", space, StringComparison.Ordinal);
                    text.Append(decoration == 1 ? space + spaced : spaced);
                    text.Append(decoration == 2 && unit.Commands > 0 ? "  # trailing" : "");
                    text.Append(decoration == 3 ? "\r\n" : "\n");
                }

                commands += unit.Commands;
            }

            return (text.ToString(), commands);
        });

    private static readonly char[] Alphabet =
        [.. "aAzZ_09xb.-+>:=#\"\\ \t\n\r@(),'é", '\0'];

    [Fact]
    public void Random_well_formed_scripts_parse_to_the_generated_command_count()
    {
        ForEachSample(ScriptGen, sample =>
        {
            var script = ScriptParser.Parse(sample.Text, "random.ndma");
            Assert.Equal(sample.Commands, script.Commands.Count);
            Assert.Equal("random", script.Title);

            // The canonical form of a random script parses back to equal commands.
            var reparsed = ScriptParser.Parse(ScriptFormatter.Format(script), "random.ndma");
            Assert.Equal(script.Commands.Select(c => c with { Location = default }), reparsed.Commands.Select(c => c with { Location = default }));
        }, sample => sample.Text);
    }

    [Fact]
    public void Random_single_character_corruptions_throw_only_ScriptParseException_inside_the_text()
    {
        var corrupted = Gen.Select(ScriptGen, Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, Alphabet.Length - 1], (sample, edit, position, c) =>
        {
            var text = sample.Text;
            var at = position % (text.Length + 1);
            return edit switch
            {
                0 when at < text.Length => text[..at] + Alphabet[c] + text[(at + 1)..],
                1 when at < text.Length => text[..at] + text[(at + 1)..],
                _ => text[..at] + Alphabet[c] + text[at..],
            };
        });

        var failures = 0;
        ForEachSample(corrupted, text =>
        {
            try
            {
                ScriptParser.Parse(text, "corrupt.ndma");
            }
            catch (ScriptParseException ex)
            {
                failures++;
                var lines = text.Split('\n');
                Assert.Equal("corrupt.ndma", ex.Location.File);
                Assert.InRange(ex.Location.Line, 1, lines.Length);
                Assert.InRange(ex.Location.Column, 1, lines[ex.Location.Line - 1].TrimEnd('\r').Length + 1);
                Assert.StartsWith($"{ex.Location}: expected ", ex.Message, StringComparison.Ordinal);
            }
        }, text => text);

        // Most corruptions break something; a generator whose corruptions never fail would test nothing.
        Assert.True(failures > Iterations / 4, $"only {failures} of {Iterations} corruptions were rejected");
    }

    /// <summary>Runs <paramref name="check"/> on <see cref="Iterations"/> deterministic samples.</summary>
    private void ForEachSample<T>(Gen<T> gen, Action<T> check, Func<T, string> show)
    {
        for (uint stream = 0; stream < Iterations; stream++)
        {
            var pcg = new PCG(stream, Seed);
            var sample = gen.Generate(pcg, null, out _);
            try
            {
                check(sample);
            }
            catch (Exception ex)
            {
                var message = $"failed for PCG stream {stream}, seed 0x{Seed:X} (CsCheck seed {new PCG(stream, Seed)}):\n{show(sample)}\n--- {ex.GetType().Name}: {ex.Message}";
                output.WriteLine(message);
                throw new Xunit.Sdk.XunitException(message, ex);
            }
        }
    }
}
