using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// <see cref="WorkflowAnnotations"/>: the GitHub Actions workflow command for a check, one line, at the check's
/// script line, with the escaping the runner undoes (<c>%</c>, CR, LF everywhere; also <c>:</c> and <c>,</c> in
/// property values).
/// </summary>
public sealed class WorkflowAnnotationsTests
{
    private static CheckResult Check(string step, bool passed, string message, params string[] rules) =>
        new(new SourceLocation("conformance/05-copy.ndma", 7, 3), step, passed, rules, message);

    [Fact]
    public void A_failed_check_is_an_error_at_its_line_and_column_titled_with_its_rule()
    {
        var check = Check(ScriptExecutionSteps.UnexpectedViolation, false, "NDMA3004 (MUST): CpuNumber outside the mask", "NDMA3004");

        Assert.Equal(
            "::error file=/ws/scripts/05-copy.ndma,line=7,col=3,title=NDMA3004::unexpected violation: NDMA3004 (MUST): CpuNumber outside the mask",
            WorkflowAnnotations.Format(check, "/ws/scripts/05-copy.ndma"));
    }

    [Fact]
    public void A_check_without_rules_is_titled_with_its_step()
    {
        var check = Check(ScriptExecutionSteps.ParseError, false, "expected an IRQL");

        Assert.Equal("::error file=a.ndma,line=7,col=3,title=parse error::parse error: expected an IRQL", WorkflowAnnotations.Format(check, "a.ndma"));
    }

    [Fact]
    public void A_SHOULD_warning_is_a_warning_and_a_passed_check_is_nothing()
    {
        var warning = Check(ScriptExecutionSteps.Warning, true, "SHOULD rule broken", "NDMA2005");
        var passed = Check("assert_cpu ch0 2", true, "");

        Assert.Equal("::warning file=a.ndma,line=7,col=3,title=NDMA2005::warning: SHOULD rule broken", WorkflowAnnotations.Format(warning, "a.ndma"));
        Assert.Null(WorkflowAnnotations.Format(passed, "a.ndma"));
    }

    [Fact]
    public void Several_rules_share_the_title()
    {
        var check = Check("assert_no_violation", false, "two rules", "NDMA3004", "NDMA3005");

        Assert.StartsWith("::error file=a.ndma,line=7,col=3,title=NDMA3004 NDMA3005::", WorkflowAnnotations.Format(check, "a.ndma"));
    }

    [Fact]
    public void The_message_escapes_percent_CR_and_LF_and_stays_one_line()
    {
        var check = Check("assert_copied src+0 dst+0 4096", false, "100% wrong:\r\n  call sequence, oldest first\n  cpu0", "NDMA5004");

        var line = WorkflowAnnotations.Format(check, "a.ndma")!;

        Assert.EndsWith("::assert_copied src+0 dst+0 4096: 100%25 wrong:%0D%0A  call sequence, oldest first%0A  cpu0", line);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
    }

    [Fact]
    public void Property_values_also_escape_colon_and_comma()
    {
        var check = Check("parse error", false, "x");

        Assert.StartsWith(@"::error file=C%3A\ci\a%2Cb%25.ndma,line=7,col=3,title=parse error::", WorkflowAnnotations.Format(check, @"C:\ci\a,b%.ndma"));
        Assert.Equal("NDMA3004%2C step%3A 1%0A", WorkflowAnnotations.EscapeProperty("NDMA3004, step: 1\n"));
    }

    [Fact]
    public void Without_a_file_the_annotation_has_no_file_line_or_column()
    {
        var check = Check("assert_dpc_cpu ch0", false, "ran on CPU 1", "NDMA3005");

        Assert.Equal("::error title=NDMA3005::assert_dpc_cpu ch0: ran on CPU 1", WorkflowAnnotations.Format(check, null));
    }

    [Fact]
    public void Write_puts_one_line_per_failed_or_warning_check_of_a_script()
    {
        var output = new StringWriter();
        var script = new ScriptResult("conformance/05-copy.ndma", "05-copy", null, ScriptOutcome.Failed,
            [Check("assert_cpu ch0 2", true, ""), Check("assert_cpu ch1 3", false, "reported 1", "NDMA3003"), Check(ScriptExecutionSteps.Warning, true, "should", "NDMA2005")],
            [], null);

        new WorkflowAnnotations(output).Write(script, "/ws/05-copy.ndma");

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("::error file=/ws/05-copy.ndma,line=7,col=3,title=NDMA3003::", lines[0]);
        Assert.StartsWith("::warning file=/ws/05-copy.ndma,line=7,col=3,title=NDMA2005::", lines[1]);
    }
}
