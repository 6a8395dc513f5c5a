using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Directory;

[Collection(ClusterCollection.Name)]
public sealed class MemberDirectoryGrainTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData("comet", "paul")]
    [InlineData("COMET", "PAUL")]
    [InlineData("  Comet ", "Paul")]
    public async Task A_member_is_found_whatever_the_case_and_spaces(string lastName, string firstName)
    {
        var member = TestMembers.Next() with { BirthDate = UniqueBirthDate() };
        cluster.Directory.Add(member);
        var directory = cluster.Grains.GetGrain<IMemberDirectoryGrain>(0);

        var found = await directory.Find(new IdentityQuery(lastName, firstName, member.BirthDate));

        Assert.Equal(member.MemberNumber, found?.MemberNumber);
    }

    [Fact]
    public async Task Accents_hyphens_and_apostrophes_do_not_matter_and_a_wrong_birth_date_finds_nobody()
    {
        var member = TestMembers.Next(lastName: "D'ARCY", firstName: "MARIE-HÉLÈNE") with { BirthDate = UniqueBirthDate() };
        cluster.Directory.Add(member);
        var directory = cluster.Grains.GetGrain<IMemberDirectoryGrain>(0);

        Assert.Equal(member.MemberNumber, (await directory.Find(new IdentityQuery("d arcy", "marie  helene", member.BirthDate)))?.MemberNumber);
        Assert.Equal(member.MemberNumber, (await directory.Find(new IdentityQuery("D’Arcy", "Marie-Hélène", member.BirthDate)))?.MemberNumber);
        Assert.Null(await directory.Find(new IdentityQuery("d arcy", "marie helene", member.BirthDate.AddDays(1))));
        Assert.Null(await directory.Find(new IdentityQuery("", "marie helene", member.BirthDate)));
        Assert.Equal(member, await directory.Get(member.MemberNumber[..8] + "." + member.MemberNumber[8..]));
        Assert.Null(await directory.Get("not a number"));
    }

    [Fact]
    public async Task Two_members_with_the_same_name_and_birth_date_identify_nobody()
    {
        var birthDate = UniqueBirthDate();
        cluster.Directory.Add(TestMembers.Next() with { BirthDate = birthDate });
        cluster.Directory.Add(TestMembers.Next() with { BirthDate = birthDate });

        Assert.Null(await cluster.Grains.GetGrain<IMemberDirectoryGrain>(0).Find(new IdentityQuery("comet", "paul", birthDate)));
    }

    /// <summary>A birth date no other test member has, so that each test finds only its own.</summary>
    private static DateOnly UniqueBirthDate() => new DateOnly(1800, 1, 1).AddDays(Interlocked.Increment(ref _birthDays));

    private static int _birthDays;
}
