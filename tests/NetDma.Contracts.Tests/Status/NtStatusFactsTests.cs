using NetDma.Contracts.Status;

namespace NetDma.Contracts.Tests.Status;

public sealed class NtStatusFactsTests
{
    [Theory]
    [InlineData(NtStatus.STATUS_SUCCESS)]
    [InlineData(NtStatus.STATUS_PENDING)]
    [InlineData(NtStatus.STATUS_TIMEOUT)]
    public void NT_SUCCESS_is_true_for_success_codes(NtStatus status) => Assert.True(NtStatusFacts.NT_SUCCESS(status));

    [Theory]
    [InlineData(NtStatus.STATUS_UNSUCCESSFUL)]
    [InlineData(NtStatus.STATUS_INSUFFICIENT_RESOURCES)]
    [InlineData(NtStatus.STATUS_INVALID_PARAMETER)]
    [InlineData(NtStatus.STATUS_BUFFER_TOO_SMALL)]
    [InlineData(NtStatus.STATUS_CANCELLED)]
    public void NT_SUCCESS_is_false_and_NT_ERROR_true_for_error_codes(NtStatus status)
    {
        Assert.False(NtStatusFacts.NT_SUCCESS(status));
        Assert.True(NtStatusFacts.NT_ERROR(status));
    }

    [Fact]
    public void Warning_severity_value_is_not_NT_SUCCESS()
    {
        // STATUS_BUFFER_OVERFLOW (0x80000005) is a warning: severity 10, negative as a LONG.
        var warning = (NtStatus)unchecked((int)0x80000005);

        Assert.Equal(NtStatusSeverity.Warning, NtStatusFacts.Severity(warning));
        Assert.True(NtStatusFacts.NT_WARNING(warning));
        Assert.False(NtStatusFacts.NT_SUCCESS(warning));
    }

    [Fact]
    public void Informational_severity_value_is_NT_SUCCESS()
    {
        var informational = (NtStatus)0x40000000;

        Assert.Equal(NtStatusSeverity.Informational, NtStatusFacts.Severity(informational));
        Assert.True(NtStatusFacts.NT_INFORMATION(informational));
        Assert.True(NtStatusFacts.NT_SUCCESS(informational));
    }

    [Theory]
    [InlineData(NtStatus.STATUS_SUCCESS, NtStatusSeverity.Success)]
    [InlineData(NtStatus.STATUS_PENDING, NtStatusSeverity.Success)]
    [InlineData(NtStatus.STATUS_UNSUCCESSFUL, NtStatusSeverity.Error)]
    [InlineData(NtStatus.STATUS_INSUFFICIENT_RESOURCES, NtStatusSeverity.Error)]
    public void Severity_is_the_top_two_bits(NtStatus status, NtStatusSeverity severity) =>
        Assert.Equal(severity, NtStatusFacts.Severity(status));

    [Fact]
    public void Name_of_a_known_value_is_its_ntstatus_name() =>
        Assert.Equal("STATUS_INSUFFICIENT_RESOURCES", NtStatusFacts.Name(NtStatus.STATUS_INSUFFICIENT_RESOURCES));

    [Fact]
    public void Name_of_an_unknown_value_prints_eight_hex_digits()
    {
        var unknown = (NtStatus)unchecked((int)0xC0000999);

        Assert.Equal("0xC0000999", NtStatusFacts.Name(unknown));
        Assert.Equal("0xC0000999 (0xC0000999)", NtStatusFacts.Describe(unknown));
    }

    [Fact]
    public void Describe_gives_name_and_value() =>
        Assert.Equal("STATUS_UNSUCCESSFUL (0xC0000001)", NtStatusFacts.Describe(NtStatus.STATUS_UNSUCCESSFUL));

    [Theory]
    [InlineData("STATUS_SUCCESS", NtStatus.STATUS_SUCCESS)]
    [InlineData("STATUS_UNSUCCESSFUL", NtStatus.STATUS_UNSUCCESSFUL)]
    [InlineData("STATUS_RESOURCES", NtStatus.STATUS_INSUFFICIENT_RESOURCES)]
    [InlineData("STATUS_INVALID_PARAMETERS", NtStatus.STATUS_INVALID_PARAMETER)]
    [InlineData("0xC000009A", NtStatus.STATUS_INSUFFICIENT_RESOURCES)]
    [InlineData("0x00000103", NtStatus.STATUS_PENDING)]
    public void TryParse_reads_names_page_spellings_and_hex(string text, NtStatus expected)
    {
        Assert.True(NtStatusFacts.TryParse(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("STATUS_NO_SUCH_THING")]
    [InlineData("SUCCESS")]
    [InlineData("0xZZ")]
    [InlineData("")]
    public void TryParse_rejects_unknown_spellings(string text) => Assert.False(NtStatusFacts.TryParse(text, out _));

    [Fact]
    public void Hex_value_outside_the_enum_parses_to_that_value()
    {
        Assert.True(NtStatusFacts.TryParse("0xC0000999", out var status));
        Assert.Equal(unchecked((int)0xC0000999), (int)status);
    }
}
