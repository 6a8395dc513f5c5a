using Enrolment.Grains.Interfaces.Vocabulary;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>The one French-mobile rule: reading, validating, masking and the provider's form.</summary>
public sealed class FrenchMobileTests
{
    [Theory]
    [InlineData("06 39 98 37 08", "0639983708")]
    [InlineData("+33 6 39 98 37 08", "0639983708")]
    [InlineData("07.12.34.56.78", "0712345678")]
    public void Mobiles_are_kept_as_ten_digits(string typed, string expected) => Assert.Equal(expected, FrenchMobile.MobileOrNull(typed));

    [Theory]
    [InlineData("01 39 98 37 08")]
    [InlineData("0639")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_numbers_are_not_mobiles(string? typed) => Assert.Null(FrenchMobile.MobileOrNull(typed));

    [Theory]
    [InlineData("06 39 98 37 08", "0639983708")]
    [InlineData("+33 6 39 98 37 08", "0639983708")]
    [InlineData("0033 7 12 34 56 78", "0712345678")]
    [InlineData(" 07-12-34-56-78 ", "0712345678")]
    public void A_typed_mobile_is_read(string typed, string expected)
    {
        Assert.True(FrenchMobile.TryReadTyped(typed, out var phone));
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("06 39 98 37 0B")]
    [InlineData("+44 7 12 34 56 78")]
    [InlineData("01 39 98 37 08")]
    [InlineData("06/39/98/37/08")]
    [InlineData("   ")]
    public void A_typed_number_with_letters_or_not_a_mobile_is_refused(string typed) =>
        Assert.False(FrenchMobile.TryReadTyped(typed, out _));

    [Fact]
    public void Only_the_last_four_digits_show() => Assert.Equal("XX XX XX 37 08", FrenchMobile.Mask("0639983708"));

    [Fact]
    public void Logs_keep_the_first_two_and_last_two_digits() => Assert.Equal("06******08", FrenchMobile.MaskForLogs("0639983708"));

    [Fact]
    public void Providers_get_the_international_form() => Assert.Equal("+33639983708", FrenchMobile.ToInternational("0639983708"));
}
