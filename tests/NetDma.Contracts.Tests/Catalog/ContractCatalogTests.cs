using NetDma.ConformanceKit.Catalog;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Wdm;

namespace NetDma.Contracts.Tests.Catalog;

public sealed class ContractCatalogTests
{
    private static ContractCatalog Catalog => ContractCatalog.Default;

    [Fact]
    public void Catalog_reads_delegate_typedefs_and_interface_functions_but_not_ContractOf_methods()
    {
        Assert.Equal(typeof(DmaChannelAllocateHandler), Catalog.FindDdi("DMA_CHANNEL_ALLOCATE_HANDLER")!.Member);
        Assert.Equal(typeof(INetDma), Catalog.FindDdi("NetDmaIsr")!.Member.DeclaringType);
        Assert.DoesNotContain(Catalog.Ddis, ddi => ddi.Member.DeclaringType == typeof(INetDmaProvider));
        Assert.Equal(15, Catalog.Ddis.Count(ddi => ddi.Member is Type type && type.Namespace == typeof(DmaAdapter).Namespace));
        Assert.Equal(9, Catalog.Ddis.Count(ddi => ddi.Member is Type type && type.Namespace == typeof(INetDma).Namespace));
    }

    [Fact]
    public void DMA_OPERATIONS_has_its_40_members_in_page_order()
    {
        var operations = Catalog.FindStruct("DMA_OPERATIONS")!;

        Assert.Equal(40, operations.Fields.Count);
        Assert.Equal(Enumerable.Range(1, 40), operations.Fields.Select(field => field.Order));
        Assert.Equal(["Size", "PutDmaAdapter", "AllocateCommonBuffer"], operations.Fields.Take(3).Select(field => field.Name));
    }

    [Fact]
    public void NET_DMA_DESCRIPTOR_union_member_exposes_its_nested_part()
    {
        var dca16 = Catalog.FindStruct("NET_DMA_DESCRIPTOR")!.Fields.Single(field => field.Name == "DCAContext16");

        Assert.NotNull(dca16.Nested);
        Assert.Equal("NET_DMA_DESCRIPTOR.DCAContext16", dca16.Nested!.Name);
        Assert.True(dca16.Nested.IsPart);
        Assert.Equal(["DCAContext16", "DCAContext16.DCAContext", "DCAContext16.Reserved"], dca16.HeadingNames);
    }

    [Fact]
    public void Member_typed_with_a_documented_struct_is_not_expanded_as_a_nested_part()
    {
        var operations = Catalog.FindStruct("DMA_ADAPTER")!.Fields.Single(field => field.Name == "DmaOperations");

        Assert.Null(operations.Nested);
        Assert.Equal(typeof(DmaOperations), operations.FieldType);
    }

    [Fact]
    public void Optional_parameter_and_page_tag_are_read_from_DdiParameter()
    {
        var interruptDpc = Catalog.FindDdi("NetDmaInterruptDpc")!;
        var register = Catalog.FindDdi("NetDmaRegisterProvider")!;

        Assert.True(interruptDpc.Parameters[1].Optional);
        Assert.Equal(DdiParameterDirection.Out, register.Parameters[1].Direction);
        Assert.Equal(DdiParameterDirection.In, register.Parameters[1].PageDirection);
    }

    [Fact]
    public void Struct_with_repeated_DdiField_order_is_rejected_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DdiStructContract.TryRead(typeof(RepeatedOrder)));

        Assert.Contains("BROKEN_ORDER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ddi_delegate_with_an_unannotated_parameter_is_rejected_with_the_parameter_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DdiContract.TryRead(typeof(UnannotatedParameter)));

        Assert.Contains("Context", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_without_contract_attributes_read_as_null()
    {
        Assert.Null(DdiStructContract.TryRead(typeof(ScatterGatherElement)));
        Assert.Null(DdiEnumContract.TryRead(typeof(DmaWidth)));
        Assert.Null(DdiContract.TryRead(typeof(DriverListControl)));
    }

    [DdiStruct("BROKEN_ORDER", "test.h", "ns-test-broken.md")]
    private sealed class RepeatedOrder
    {
        [DdiField(1)] public int First { get; set; }

        [DdiField(1)] public int Second { get; set; }
    }

    [Ddi("UNANNOTATED", DdiKind.Callback, "test.h", "nc-test-unannotated.md")]
    private delegate void UnannotatedParameter(object Context);
}
