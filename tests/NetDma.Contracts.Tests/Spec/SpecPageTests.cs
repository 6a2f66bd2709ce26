using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Tests.Spec;

public sealed class SpecPageTests
{
    private const string FunctionPage = """
        ---
        UID: NF:wdm.ExampleRoutine
        ms.keywords: ExampleRoutine, ExampleRoutine routine [Kernel], wdm/ExampleRoutine
        req.header: wdm.h
        req.ddi-compliance: IrqlDispatch, IrqlDispatch(storport)
        req.irql: Called at DISPATCH_LEVEL.
        api_name:
         - ExampleRoutine
        ---

        ## -description

        **ExampleRoutine** example.

        ## -parameters

        ### -param Dpc [in, out]

        The DPC.

        ### -param Context [in, optional]

        ### -param Buffer [out, optional]

        ### -param Count [in]

        ### -param Untagged

        ## -returns

        **ExampleRoutine** returns STATUS_SUCCESS on success, else one of:

        | Return code | Description |
        |---|---|
        | **STATUS_RESOURCES** | Out of memory. |

        <dt><b>STATUS_BUFFER_TOO_SMALL</b></dt>

        ## -remarks

        STATUS_NOT_A_RETURN appears outside -returns and is not a return value.
        """;

    private const string StructPage = """
        ---
        UID: NS:netdma._EXAMPLE_STRUCT
        ms.keywords: "*PEXAMPLE, EXAMPLE_STRUCT"
        req.header: netdma.h
        req.irql:
        ---

        ## -struct-fields

        ### -field Routine

        See <a href="/windows-hardware/drivers/ddi/wdm/nc-wdm-pput_dma_adapter">PutDmaAdapter</a>.

        ### -field Inner

        ### -field Inner.Value

        A [*PFLUSH_DMA_BUFFER*](nc-wdm-pflush_dma_buffer.md) and a [struct](./ns-wdm-_dma_adapter.md).

        ## -remarks
        """;

    [Fact]
    public void Front_matter_scalars_lists_and_derived_names_are_read()
    {
        var page = SpecPage.Parse("nf-wdm-example.md", FunctionPage);

        Assert.Equal("NF", page.UidKind);
        Assert.Equal("ExampleRoutine", page.UidName);
        Assert.Equal("wdm.h", page.Header);
        Assert.Equal("Called at DISPATCH_LEVEL.", page.IrqlText);
        Assert.Equal(["ExampleRoutine"], page.ApiNames);
        Assert.Equal(["ExampleRoutine", "ExampleRoutine routine [Kernel]", "wdm/ExampleRoutine"], page.Keywords);
        Assert.Equal(["IrqlDispatch"], page.DdiCompliance);
    }

    [Fact]
    public void Parameter_tags_give_direction_and_optional()
    {
        var parameters = SpecPage.Parse("nf-wdm-example.md", FunctionPage).Parameters;

        Assert.Equal(
            [
                new SpecParameter("Dpc", "in, out", DdiParameterDirection.InOut, false),
                new SpecParameter("Context", "in, optional", DdiParameterDirection.In, true),
                new SpecParameter("Buffer", "out, optional", DdiParameterDirection.Out, true),
                new SpecParameter("Count", "in", DdiParameterDirection.In, false),
                new SpecParameter("Untagged", "", null, false),
            ],
            parameters);
    }

    [Fact]
    public void Returns_section_statuses_are_read_from_prose_markdown_and_html_only_inside_the_section() =>
        Assert.Equal(
            ["STATUS_SUCCESS", "STATUS_RESOURCES", "STATUS_BUFFER_TOO_SMALL"],
            SpecPage.Parse("nf-wdm-example.md", FunctionPage).ReturnStatusSpellings);

    [Theory]
    [InlineData("None")]
    [InlineData("None.")]
    [InlineData("This function does not return a value.")]
    public void Returns_section_saying_none_means_no_return_value(string returns)
    {
        var text = $"---\nUID: NF:netdma.Example\n---\n\n## -returns\n\n{returns}\n\n## -remarks\n";

        Assert.True(SpecPage.Parse("nf-netdma-example.md", text).ReturnsNothing);
    }

    [Fact]
    public void Page_without_returns_section_returns_nothing_and_page_with_statuses_returns_something()
    {
        Assert.True(SpecPage.Parse("ns-netdma-_example_struct.md", StructPage).ReturnsNothing);
        Assert.False(SpecPage.Parse("nf-wdm-example.md", FunctionPage).ReturnsNothing);
    }

    [Fact]
    public void Struct_fields_keep_dotted_headings_and_their_page_links()
    {
        var page = SpecPage.Parse("ns-netdma-_example_struct.md", StructPage);

        Assert.Equal("EXAMPLE_STRUCT", page.UidName);
        Assert.Equal(["*PEXAMPLE", "EXAMPLE_STRUCT"], page.Keywords);
        Assert.Equal(["Routine", "Inner", "Inner.Value"], page.Fields.Select(field => field.Name));
        Assert.Equal(["nc-wdm-pput_dma_adapter.md"], page.Fields[0].LinkedPages);
        Assert.Empty(page.Fields[1].LinkedPages);
        Assert.Equal(["nc-wdm-pflush_dma_buffer.md", "ns-wdm-_dma_adapter.md"], page.Fields[2].LinkedPages);
        Assert.Empty(page.Parameters);
        Assert.Empty(page.ReturnStatusSpellings);
    }

    [Fact]
    public void Unknown_parameter_tag_is_a_format_error_naming_the_page()
    {
        var text = FunctionPage.Replace("[in, optional]", "[in, reserved]", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => SpecPage.Parse("nf-wdm-example.md", text));
        Assert.Contains("nf-wdm-example.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_without_front_matter_is_a_format_error() =>
        Assert.Throws<FormatException>(() => SpecPage.Parse("broken.md", "# Title\n\n## -parameters\n"));

    [Theory]
    [InlineData("<= DISPATCH_LEVEL", IrqlBound.AtMost, Irql.DISPATCH_LEVEL, "DISPATCH_LEVEL")]
    [InlineData("DISPATCH_LEVEL", IrqlBound.Exact, Irql.DISPATCH_LEVEL, "DISPATCH_LEVEL")]
    [InlineData("= APC_LEVEL", IrqlBound.Exact, Irql.APC_LEVEL, "APC_LEVEL")]
    [InlineData("Called at DISPATCH_LEVEL.", IrqlBound.Exact, Irql.DISPATCH_LEVEL, "DISPATCH_LEVEL")]
    [InlineData(">= APC_LEVEL", IrqlBound.AtLeast, Irql.APC_LEVEL, "APC_LEVEL")]
    [InlineData("DEVICE_LEVEL", IrqlBound.Exact, Irql.DIRQL, "DEVICE_LEVEL")]
    [InlineData(" PASSIVE_LEVEL ", IrqlBound.Exact, Irql.PASSIVE_LEVEL, "PASSIVE_LEVEL")]
    public void Page_IRQL_rules_read_bound_level_and_spelling(string text, IrqlBound bound, Irql level, string spelling)
    {
        Assert.True(PageIrql.TryParse(text, out var irql));
        Assert.Equal(new PageIrql(bound, level, spelling), irql);
    }

    [Fact]
    public void Any_level_is_no_requirement()
    {
        Assert.True(PageIrql.TryParse("Any level", out var irql));
        Assert.Equal(PageIrql.Any, irql);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<= SOME_LEVEL")]
    [InlineData("Called at whatever IRQL the caller likes.")]
    public void Unreadable_IRQL_text_is_rejected(string text) => Assert.False(PageIrql.TryParse(text, out _));
}
