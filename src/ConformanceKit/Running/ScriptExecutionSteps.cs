namespace NetDma.ConformanceKit.Running;

/// <summary>The <see cref="CheckResult.Step"/> names of checks that are not script assertions.</summary>
public static class ScriptExecutionSteps
{
    /// <summary>A violation no <c>assert_violation</c> consumed by the end of the script (a MUST rule: the script fails).</summary>
    public const string UnexpectedViolation = "unexpected violation";

    /// <summary>A SHOULD-rule violation no <c>assert_violation</c> consumed: reported, the script still passes.</summary>
    public const string Warning = "warning";

    /// <summary>The script asked NetDMA for a call the NetDMA interface never makes.</summary>
    public const string ScriptError = "script error";

    /// <summary>A driver routine did not return within the watchdog (NDMA2003).</summary>
    public const string DriverHung = "driver hung";

    /// <summary>The worker process running the driver died (NDMA2002): FailFast, stack overflow, exit, an unhandled exception on any thread.</summary>
    public const string DriverCrashed = "driver crashed";

    /// <summary>The script does not parse.</summary>
    public const string ParseError = "parse error";
}
