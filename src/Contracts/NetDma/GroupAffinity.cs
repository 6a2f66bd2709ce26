namespace NetDma.Contracts.NetDma;

/// <summary><c>GROUP_AFFINITY</c>: a processor group number and a bitmap of CPU numbers within that group.</summary>
/// <param name="Mask">Bit <c>n</c> set means CPU <c>n</c> of the group.</param>
/// <param name="Group">The processor group number.</param>
public readonly record struct GroupAffinity(ulong Mask, ushort Group);
