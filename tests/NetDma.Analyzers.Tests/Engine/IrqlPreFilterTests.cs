using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetDma.Analyzers.Irql;
using NetDma.Analyzers.Tests.Support;

namespace NetDma.Analyzers.Tests.Engine;

/// <summary>
/// The IRQL analyses' pre-filter (<see cref="IrqlFunctions.MayMatter"/>): bodies that can neither change the IRQL nor
/// hold a requirement site nor call a helper get no control-flow graph; every other body does, including the ones whose
/// calls appear only once the graph lowers them (lock, using, foreach).
/// </summary>
public sealed class IrqlPreFilterTests
{
    [Theory]
    [InlineData("int Get() => _value;")]
    [InlineData("int Twice(int x) { var y = x * 2; return y + _value; }")]
    [InlineData("bool Check(int x) { if (x > 3) { return true; } return x == _value; }")]
    public void A_body_without_calls_gets_no_graph(string member) => Assert.False(MayMatter(member));

    [Theory]
    [InlineData("void Call() => System.Threading.Thread.Sleep(1);")]
    [InlineData("void Locked() { lock (this) { _value++; } }")]
    [InlineData("void Disposed() { using (var stream = System.IO.Stream.Null) { } }")]
    [InlineData("int Sum(int[] values) { var sum = 0; foreach (var value in values) { sum += value; } return sum; }")]
    [InlineData("async System.Threading.Tasks.Task Waits(System.Threading.Tasks.Task task) { await task; }")]
    [InlineData("System.Action Later() { return () => { }; }")]
    [InlineData("int Local() { return Inner(); int Inner() => 1; }")]
    [InlineData("int Length(string text) => text.Length;")]
    public void A_body_that_calls_or_lowers_into_calls_gets_a_graph(string member) => Assert.True(MayMatter(member));

    private static bool MayMatter(string member)
    {
        var compilation = new AnalyzerRunner().Compile([("Sample.cs", $"public sealed class Sample {{ private int _value; {member} }}")]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var tree = compilation.SyntaxTrees.Last();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        var body = compilation.GetSemanticModel(tree).GetOperation(method)!;
        return IrqlFunctions.MayMatter(body);
    }
}
