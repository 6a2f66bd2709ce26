namespace NetDma.Contracts.Kernel;

/// <summary>The pool an allocation comes from (<c>POOL_FLAG_NON_PAGED</c> / <c>POOL_FLAG_PAGED</c>).</summary>
public enum PoolType
{
    /// <summary>Non-paged pool: resident, usable at any IRQL &lt;= DISPATCH_LEVEL.</summary>
    NonPagedPoolNx,

    /// <summary>Paged pool: may be paged out; allocate and touch only at IRQL &lt;= APC_LEVEL.</summary>
    PagedPool,
}
