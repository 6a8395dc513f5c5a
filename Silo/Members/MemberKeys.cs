using Enrolment.Grains.Members;

namespace Enrolment.Silo.Members;

public static class MemberKeys
{
    /// <summary>The value of <c>members.name_key</c>: both names normalised, last name first.</summary>
    public static string NameKeyOf(string lastName, string firstName) =>
        $"{NameKey.Normalise(lastName)}|{NameKey.Normalise(firstName)}";
}
