namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 code use records and init accessors (the compiler needs this type to exist).</summary>
internal static class IsExternalInit
{
}
