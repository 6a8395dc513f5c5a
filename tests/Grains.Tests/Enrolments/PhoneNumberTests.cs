using Enrolment.Grains.Enrolments;

namespace Enrolment.Grains.Tests.Enrolments;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("06 39 98 37 08", "0639983708")]
    [InlineData("+33 6 39 98 37 08", "0639983708")]
    [InlineData("07.12.34.56.78", "0712345678")]
    public void Mobiles_are_kept_as_ten_digits(string typed, string expected) => Assert.Equal(expected, PhoneNumbers.MobileOrNull(typed));

    [Theory]
    [InlineData("01 39 98 37 08")]
    [InlineData("0639")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_numbers_are_not_mobiles(string? typed) => Assert.Null(PhoneNumbers.MobileOrNull(typed));

    [Fact]
    public void Only_the_last_four_digits_show() => Assert.Equal("XX XX XX 37 08", PhoneNumbers.Mask("0639983708"));
}
