using NetDma.Tests.Shared;
using System.Text;
using System.Text.Json;
using NetDma.ConformanceKit.Catalog;
using NetDma.Contracts.Tests.Spec;

namespace NetDma.Contracts.Tests.Catalog;

public sealed class ContractCatalogJsonTests
{
    private static readonly Lazy<string> Json = new(() =>
    {
        using var writer = new StringWriter();
        ContractCatalogJson.Write(writer);
        return writer.ToString();
    });

    private static JsonElement Root => JsonDocument.Parse(Json.Value).RootElement;

    private static JsonElement Ddi(string name) =>
        Root.GetProperty("ddis").EnumerateArray().Single(ddi => ddi.GetProperty("name").GetString() == name);

    [Fact]
    public void Export_parses_and_has_exactly_ddis_structs_and_enums()
    {
        Assert.Equal(["ddis", "structs", "enums"], Root.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public void Export_lists_one_DDI_per_distinct_DDI_page()
    {
        // 37 nc-/nf- pages in ddi/netdma and ddi/wdm; KeSetTargetProcessorDpc has two of them (ntddk and wdm).
        var distinctDdiPages = SpecDirectory.DdiPages()
            .Where(path => Path.GetFileName(path).StartsWith("nc-", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith("nf-", StringComparison.Ordinal))
            .Select(path => SpecPage.Load(path).UidName)
            .Distinct()
            .Count();

        Assert.Equal(36, distinctDdiPages);
        Assert.Equal(distinctDdiPages, ContractCatalog.Default.Ddis.Count);
        Assert.Equal(distinctDdiPages, Root.GetProperty("ddis").GetArrayLength());
    }

    [Fact]
    public void DMA_CHANNEL_ALLOCATE_HANDLER_entry_is_exactly_the_documented_shape()
    {
        var expected = """
            {"name":"DMA_CHANNEL_ALLOCATE_HANDLER","role":"ProviderAllocateDmaChannel","kind":"callback",
            "header":"netdma.h","irql":{"max":"DISPATCH_LEVEL","min":null,"exact":false},
            "statuses":["STATUS_SUCCESS","STATUS_INSUFFICIENT_RESOURCES","STATUS_UNSUCCESSFUL"],
            "parameters":[{"name":"ProviderContext","direction":"in"},{"name":"ChannelParameters","direction":"in"},
            {"name":"NetDmaChannelHandle","direction":"in"},{"name":"pProviderChannelContext","direction":"out"}],
            "source":"nc-netdma-dma_channel_allocate_handler.md","type":"NetDma.Contracts.NetDma.DmaChannelAllocateHandler"}
            """.ReplaceLineEndings("");

        Assert.Equal(expected, JsonSerializer.Serialize(Ddi("DMA_CHANNEL_ALLOCATE_HANDLER")));
    }

    [Fact]
    public void KeSetTargetProcessorDpc_lists_its_ntddk_page_as_source_and_its_wdm_page_as_also_documented_in()
    {
        var ddi = Ddi("KeSetTargetProcessorDpc");

        Assert.Equal("nf-ntddk-kesettargetprocessordpc.md", ddi.GetProperty("source").GetString());
        Assert.Equal(["nf-wdm-kesettargetprocessordpc.md"], ddi.GetProperty("alsoDocumentedIn").EnumerateArray().Select(page => page.GetString()));
        Assert.Equal("NetDma.Contracts.Kernel.IWdmKernel.KeSetTargetProcessorDpc", ddi.GetProperty("type").GetString());
    }

    [Fact]
    public void AlsoDocumentedIn_appears_only_where_a_DDI_has_further_pages()
    {
        var withFurtherPages = Root.GetProperty("ddis").EnumerateArray()
            .Where(ddi => ddi.TryGetProperty("alsoDocumentedIn", out _))
            .Select(ddi => ddi.GetProperty("name").GetString());

        Assert.Equal(["KeSetTargetProcessorDpc"], withFurtherPages);
    }

    [Fact]
    public void NetDmaIsr_exact_DIRQL_prints_DIRQL_as_min_and_max()
    {
        var irql = Ddi("NetDmaIsr").GetProperty("irql");

        Assert.Equal("""{"max":"DIRQL","min":"DIRQL","exact":true}""", JsonSerializer.Serialize(irql));
    }

    [Fact]
    public void Any_level_DDI_has_null_bounds_and_is_not_exact()
    {
        Assert.Equal("""{"max":null,"min":null,"exact":false}""", JsonSerializer.Serialize(Ddi("KeInsertQueueDpc").GetProperty("irql")));
    }

    [Fact]
    public void Exact_PASSIVE_LEVEL_function_has_equal_bounds_and_its_interface_method_as_type()
    {
        var ddi = Ddi("NetDmaRegisterProvider");

        Assert.Equal("""{"max":"PASSIVE_LEVEL","min":"PASSIVE_LEVEL","exact":true}""", JsonSerializer.Serialize(ddi.GetProperty("irql")));
        Assert.Equal("function", ddi.GetProperty("kind").GetString());
        Assert.Equal("NetDmaRegisterProvider", ddi.GetProperty("role").GetString());
        Assert.Equal("NetDma.Contracts.NetDma.INetDma.NetDmaRegisterProvider", ddi.GetProperty("type").GetString());
    }

    [Fact]
    public void Parameter_whose_page_tag_differs_carries_pageSays()
    {
        var handle = Ddi("NetDmaRegisterProvider").GetProperty("parameters")[1];

        Assert.Equal("""{"name":"pNetDmaProviderHandle","direction":"out","pageSays":"in"}""", JsonSerializer.Serialize(handle));
    }

    [Fact]
    public void In_out_parameter_is_spelled_inout()
    {
        var length = Ddi("PMAP_TRANSFER").GetProperty("parameters").EnumerateArray().Single(parameter => parameter.GetProperty("name").GetString() == "Length");

        Assert.Equal("inout", length.GetProperty("direction").GetString());
    }

    [Fact]
    public void DDIs_structs_and_enums_are_sorted_by_name_ordinal()
    {
        foreach (var list in new[] { "ddis", "structs", "enums" })
        {
            var names = Root.GetProperty(list).EnumerateArray().Select(item => item.GetProperty("name").GetString()!).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            Assert.NotEmpty(names);
        }
    }

    [Fact]
    public void NET_DMA_DESCRIPTOR_fields_include_the_dotted_union_members_in_page_order()
    {
        var descriptor = Root.GetProperty("structs").EnumerateArray().Single(item => item.GetProperty("name").GetString() == "NET_DMA_DESCRIPTOR");
        var fields = descriptor.GetProperty("fields").EnumerateArray().Select(field => field.GetString()).Take(10);

        Assert.Equal(
            ["TransferSize", "DCAContext32", "DCAContext32.DCAContext", "DCAContext16", "DCAContext16.DCAContext",
             "DCAContext16.Reserved", "DCAContext8", "DCAContext8.DCAContext", "DCAContext8.Reserved", "ControlFlags"],
            fields);
        Assert.Equal("NetDma.Contracts.NetDma.NetDmaDescriptor", descriptor.GetProperty("type").GetString());
    }

    [Fact]
    public void Nested_parts_are_not_listed_as_structs_of_their_own()
    {
        var names = Root.GetProperty("structs").EnumerateArray().Select(item => item.GetProperty("name").GetString()!);

        Assert.DoesNotContain(names, name => name.Contains('.', StringComparison.Ordinal));
        Assert.Equal(9, names.Count());
    }

    [Fact]
    public void IO_ALLOCATION_ACTION_members_are_in_declaration_order()
    {
        var action = Root.GetProperty("enums").EnumerateArray().Single(item => item.GetProperty("name").GetString() == "IO_ALLOCATION_ACTION");

        Assert.Equal("""{"name":"IO_ALLOCATION_ACTION","members":["KeepObject","DeallocateObject","DeallocateObjectKeepRegisters"]}""", JsonSerializer.Serialize(action));
    }

    [Fact]
    public void Export_is_deterministic_indented_with_LF_line_ends_and_a_final_newline()
    {
        using var again = new StringWriter();
        ContractCatalogJson.Write(again);
        using var stream = new MemoryStream();
        ContractCatalogJson.Write(stream);

        Assert.Equal(Json.Value, again.ToString());
        Assert.Equal(Json.Value, Encoding.UTF8.GetString(stream.ToArray()));
        Assert.DoesNotContain('\r', Json.Value);
        Assert.StartsWith("{\n  \"ddis\": [\n    {\n      \"name\": ", Json.Value, StringComparison.Ordinal);
        Assert.EndsWith("}\n", Json.Value, StringComparison.Ordinal);
    }
}
