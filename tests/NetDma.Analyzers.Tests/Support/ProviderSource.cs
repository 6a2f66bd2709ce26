namespace NetDma.Analyzers.Tests.Support;

/// <summary>
/// Test sources for provider code: a class implementing INetDmaProvider whose AllocateDmaChannel body (or any other
/// member) the test supplies, the other handlers returning STATUS_SUCCESS.
/// </summary>
public static class ProviderSource
{
    /// <summary>The usings every provider source starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using NetDma.Contracts.Annotations;
        using NetDma.Contracts.Kernel;
        using NetDma.Contracts.NetDma;
        using NetDma.Contracts.Platform;
        using NetDma.Contracts.Status;
        using NetDma.Contracts.Wdm;

        """;

    /// <summary>A provider class <c>Provider</c> whose ProviderAllocateDmaChannel body is <paramref name="allocateBody"/>, plus <paramref name="members"/>.</summary>
    public static string WithAllocate(string allocateBody, string members = "") => Usings + $$"""
        public sealed class Provider : INetDmaProvider
        {
            public NtStatus AllocateDmaChannel(object ProviderContext, NetDmaChannelParameters ChannelParameters, NetDmaChannelHandle NetDmaChannelHandle, out object? pProviderChannelContext)
            {
        {{allocateBody}}
            }

        {{OtherHandlers}}
        {{members}}
        }
        """;

    /// <summary>The eight handlers other than AllocateDmaChannel, each correct.</summary>
    public const string OtherHandlers = """
            public NtStatus SetDmaChannelCpuAffinity(object ProviderContext, NetDmaChannelCpuAffinity[] CpuAffinityArray, uint CpuAffinityArraySize) => NtStatus.STATUS_SUCCESS;
            public void FreeDmaChannel(object ProviderChannelContext) { }
            public NtStatus StartDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) => NtStatus.STATUS_SUCCESS;
            public NtStatus SuspendDma(object ProviderChannelContext, out PhysicalAddress pLastDescriptor) { pLastDescriptor = PhysicalAddress.Null; return NtStatus.STATUS_SUCCESS; }
            public NtStatus ResumeDma(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;
            public NtStatus AbortDma(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;
            public NtStatus AppendDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) => NtStatus.STATUS_SUCCESS;
            public NtStatus ResetChannel(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;
        """;
}
