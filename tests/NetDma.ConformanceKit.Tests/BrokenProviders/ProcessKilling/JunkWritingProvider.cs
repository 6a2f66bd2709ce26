namespace NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

/// <summary>
/// The correct reference provider, except that it writes junk to every console stream it can reach whenever the
/// PnP manager calls it: text, control characters, a counterfeit JSON-RPC frame on the raw standard output. The kit's
/// protocol does not run over the worker's console, so the verdicts must be exactly the reference provider's.
/// </summary>
public sealed class JunkWritingProvider : BrokenNetDmaProvider
{
    /// <summary>A line the provider writes, for tests that look for it.</summary>
    public const string Junk = "JUNK\u0000\u001b[31m{\"jsonrpc\":\"2.0\",\"method\":\"checkRecorded\"}";

    protected override Contracts.Kernel.IWdmKernel WrapKernel(Contracts.Kernel.IWdmKernel kernel)
    {
        Scribble();
        return kernel;
    }

    private static void Scribble()
    {
        Console.Out.WriteLine(Junk);
        Console.Error.WriteLine(Junk);
        using var raw = Console.OpenStandardOutput();
        var frame = "Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}"u8.ToArray();
        raw.Write(frame);
        raw.Flush();
    }
}
