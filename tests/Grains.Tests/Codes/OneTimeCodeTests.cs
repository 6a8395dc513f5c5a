using Enrolment.Grains.Codes;

namespace Enrolment.Grains.Tests.Codes;

public sealed class OneTimeCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_code_has_six_digits_and_is_kept_only_as_a_hash()
    {
        var (code, record) = OneTimeCodes.Issue(6, TimeSpan.FromMinutes(5), 3, Now);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain(code, record.Hash + record.Salt, StringComparison.Ordinal);
        Assert.Equal(Now.AddMinutes(5), record.ExpiresAt);
    }

    [Fact]
    public void A_code_works_once()
    {
        var (code, record) = OneTimeCodes.Issue(6, TimeSpan.FromMinutes(5), 3, Now);
        var (verdict, used) = OneTimeCodes.Verify(record, code, Now.AddMinutes(1));
        Assert.Equal(CodeVerdict.Accepted, verdict);
        Assert.Equal(CodeVerdict.Void, OneTimeCodes.Verify(used, code, Now.AddMinutes(1)).Verdict);
    }

    [Fact]
    public void A_code_expires_at_its_lifetime()
    {
        var (code, record) = OneTimeCodes.Issue(6, TimeSpan.FromMinutes(5), 3, Now);
        Assert.Equal(CodeVerdict.Accepted, OneTimeCodes.Verify(record, code, Now.AddMinutes(5).AddTicks(-1)).Verdict);
        Assert.Equal(CodeVerdict.Expired, OneTimeCodes.Verify(record, code, Now.AddMinutes(5)).Verdict);
    }

    [Fact]
    public void The_third_wrong_code_exhausts_it()
    {
        var (code, record) = OneTimeCodes.Issue(6, TimeSpan.FromMinutes(5), 3, Now);
        var wrong = code == "999999" ? "000000" : "999999";
        (var verdict, record) = OneTimeCodes.Verify(record, wrong, Now);
        Assert.Equal(CodeVerdict.Mismatch, verdict);
        (verdict, record) = OneTimeCodes.Verify(record, wrong, Now);
        Assert.Equal(CodeVerdict.Mismatch, verdict);
        (verdict, record) = OneTimeCodes.Verify(record, wrong, Now);
        Assert.Equal(CodeVerdict.Exhausted, verdict);
        Assert.Equal(CodeVerdict.Void, OneTimeCodes.Verify(record, code, Now).Verdict);
    }

    [Fact]
    public void Codes_spread_over_all_six_digit_values()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => OneTimeCodes.Issue(6, TimeSpan.FromMinutes(5), 3, Now).Code).ToList();
        Assert.True(codes.Distinct().Count() > 1990);
        Assert.Contains(codes, c => c[0] == '0');
    }

    [Fact]
    public void A_provisional_code_avoids_characters_people_confuse()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => ProvisionalCodes.Generate(10)).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{10}$", c));
        Assert.DoesNotContain(codes, c => c.IndexOfAny(['0', 'O', '1', 'I', 'L']) >= 0);
        Assert.Equal("ABCD23EFGH", ProvisionalCodes.Normalise(" abcd 23efgh"));
    }
}
