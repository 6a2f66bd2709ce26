namespace NetDma.Analyzers.Tests.Support;

/// <summary>
/// Building blocks of test sources: the usings of provider code, and a complete INetDmaProvider implementation whose
/// AllocateDmaChannel body and extra members a test supplies (the other eight handlers are correct and trivial).
/// </summary>
public static class Sources
{
    /// <summary>The usings a provider file starts with.</summary>
    public const string Usings = """
        #nullable enable
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using NetDma.Contracts.Annotations;
        using NetDma.Contracts.Kernel;
        using NetDma.Contracts.NetDma;
        using NetDma.Contracts.Platform;
        using NetDma.Contracts.Status;
        using NetDma.Contracts.Wdm;

        """;

    /// <summary>
    /// A provider class <c>Provider</c> implementing INetDmaProvider, with fields <c>Kernel</c> (IWdmKernel),
    /// <c>NetDma</c> (INetDma), <c>_lock</c> (KSpinLock), <c>_event</c> (KEvent), <c>_interrupt</c> (KInterrupt) and
    /// <c>_handle</c> (NetDmaProviderHandle).
    /// </summary>
    /// <param name="allocateBody">The body of AllocateDmaChannel (parameters ProviderContext, ChannelParameters, NetDmaChannelHandle, out pProviderChannelContext).</param>
    /// <param name="members">Further members of the class.</param>
    public static string Provider(string allocateBody, string members = "") => Usings + $$"""
        public sealed partial class Provider : INetDmaProvider
        {
            private readonly IWdmKernel Kernel;
            private readonly INetDma NetDma;
            private readonly KSpinLock _lock = new();
            private readonly KEvent _event = new();
            private readonly KInterrupt _interrupt = new();
            private NetDmaProviderHandle _handle;

            public Provider(IWdmKernel kernel, INetDma netDma)
            {
                Kernel = kernel;
                NetDma = netDma;
            }

            public NtStatus AllocateDmaChannel(object ProviderContext, NetDmaChannelParameters ChannelParameters, NetDmaChannelHandle NetDmaChannelHandle, out object? pProviderChannelContext)
            {
        {{allocateBody}}
            }

        {{members}}

            public NtStatus SetDmaChannelCpuAffinity(object ProviderContext, NetDmaChannelCpuAffinity[] CpuAffinityArray, uint CpuAffinityArraySize) => NtStatus.STATUS_SUCCESS;
            public void FreeDmaChannel(object ProviderChannelContext) { }
            public NtStatus StartDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) => NtStatus.STATUS_SUCCESS;
            public NtStatus SuspendDma(object ProviderChannelContext, out PhysicalAddress pLastDescriptor) { pLastDescriptor = PhysicalAddress.Null; return NtStatus.STATUS_SUCCESS; }
            public NtStatus ResumeDma(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;
            public NtStatus AbortDma(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;
            public NtStatus AppendDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) => NtStatus.STATUS_SUCCESS;
            public NtStatus ResetChannel(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;
        }
        """;

    /// <summary>
    /// A driver class <c>Driver</c> (not a provider) with the same fields as <see cref="Provider"/>, and
    /// <paramref name="members"/>.
    /// </summary>
    public static string Driver(string members) => Usings + $$"""
        public sealed partial class Driver
        {
            private readonly IWdmKernel Kernel;
            private readonly INetDma NetDma;
            private readonly KSpinLock _lock = new();
            private readonly KEvent _event = new();
            private readonly KInterrupt _interrupt = new();
            private readonly KDpc _dpc = new();
            private NetDmaProviderHandle _handle;

            public Driver(IWdmKernel kernel, INetDma netDma)
            {
                Kernel = kernel;
                NetDma = netDma;
            }

        {{members}}
        }
        """;
}
