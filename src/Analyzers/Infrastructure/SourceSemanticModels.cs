using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Infrastructure;

/// <summary>
/// The semantic model of a declaration outside the operation block being analyzed (a helper called from it, the
/// initializer of a field it reads), the one place the analyzers ask the compilation for a model.
/// </summary>
internal static class SourceSemanticModels
{
    /// <summary>The model of <paramref name="tree"/>, or null when the tree is not part of <paramref name="compilation"/>.</summary>
    [SuppressMessage("MicrosoftCodeAnalysisPerformance", "RS1030:Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer",
        Justification = "The declaration is in another operation block, often another document, so no callback's model covers it; under the analyzer driver the compilation's semantic model provider hands out the model it caches for that tree.")]
    public static SemanticModel? Of(Compilation compilation, SyntaxTree tree) =>
        compilation.ContainsSyntaxTree(tree) ? compilation.GetSemanticModel(tree) : null;
}
