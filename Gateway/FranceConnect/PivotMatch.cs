using Enrolment.Grains.Interfaces.Directory;

namespace Enrolment.Gateway.FranceConnect;

/// <summary>
/// The member a pivot identity is: birth name or usage name, with any of the given names (the first one included,
/// and all of them as one), and the birth date, looked up the way the identity search looks (the directory
/// normalises the names). Only exactly one member is an answer; e-mail and phone never take part.
/// </summary>
public static class PivotMatch
{
    public static async Task<MemberRecord?> FindMemberAsync(PivotIdentity identity, IGrainFactory grains)
    {
        if (identity.BirthDate is not { } birthDate || identity.GivenNames.Count == 0)
        {
            return null;
        }

        var lastNames = new[] { identity.BirthName, identity.UsageName }.OfType<string>().Where(name => name.Length > 0).Distinct();
        var firstNames = identity.GivenNames.Append(string.Join(' ', identity.GivenNames)).Distinct().ToList();
        var directory = grains.GetGrain<IMemberDirectoryGrain>(0);
        var found = new Dictionary<string, MemberRecord>();
        foreach (var lastName in lastNames)
        {
            foreach (var firstName in firstNames)
            {
                if (await directory.Find(new IdentityQuery(lastName, firstName, birthDate)) is { } member)
                {
                    found[member.MemberNumber] = member;
                }
            }
        }

        return found.Count == 1 ? found.Values.Single() : null;
    }
}
