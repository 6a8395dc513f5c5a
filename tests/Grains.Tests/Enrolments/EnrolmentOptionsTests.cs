using Enrolment.Grains.Enrolments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enrolment.Grains.Tests.Enrolments;

public sealed class EnrolmentOptionsTests
{
    [Fact]
    public void The_defaults_are_the_rules_of_the_specification()
    {
        var options = Resolve([]);
        Assert.Equal(
            (6, TimeSpan.FromMinutes(5), 3, 3, 5, TimeSpan.FromHours(24), TimeSpan.FromSeconds(30)),
            (options.CodeLength, options.CodeLifetime, options.CodeAttempts, options.CodesPerJourney, options.CodesPerMember, options.CodesPerMemberWindow, options.CodeSpacing));
        Assert.Equal(
            (3, 5, TimeSpan.FromHours(24), TimeSpan.FromHours(24), TimeSpan.FromMinutes(30), 10),
            (options.MemberNumberAttempts, options.VoidJourneysBeforeLock, options.VoidJourneysWindow, options.LockDuration, options.IdleExpiry, options.ProvisionalCodeLength));
    }

    [Fact]
    public void Each_rule_comes_from_configuration()
    {
        var options = Resolve(new() { ["Enrolment:CodeLifetime"] = "00:10:00", ["Enrolment:CodesPerMember"] = "7" });
        Assert.Equal(TimeSpan.FromMinutes(10), options.CodeLifetime);
        Assert.Equal(7, options.CodesPerMember);
    }

    [Fact]
    public void A_limit_out_of_range_is_refused() =>
        Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Enrolment:CodeLength"] = "12" }));

    private static EnrolmentOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddEnrolmentDomain(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<EnrolmentOptions>>().Value;
    }
}
