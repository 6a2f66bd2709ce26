using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Tests.Support;

/// <summary>The bundled scripts as copied beside the test assembly.</summary>
public static class BundledScripts
{
    /// <summary>The conformance suite folder.</summary>
    public static string Conformance => Path.Combine(AppContext.BaseDirectory, "Scripts", "conformance");

    /// <summary>The self-test folder (scripts that must produce a given violation).</summary>
    public static string SelfTest => Path.Combine(AppContext.BaseDirectory, "Scripts", "selftest");

    /// <summary>Every conformance script file.</summary>
    public static IReadOnlyList<ScriptFile> ConformanceFiles => ConformanceRun.FindScripts(Conformance);

    /// <summary>One self-test script by name (without extension).</summary>
    public static ScriptFile SelfTestFile(string name) =>
        ConformanceRun.FindScripts(Path.Combine(SelfTest, name + ConformanceRun.ScriptExtension)).Single();
}
