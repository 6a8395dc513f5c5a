using System.Globalization;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Silo.Members;

namespace Enrolment.LoadTest.Members;

/// <summary>
/// The development directory exactly as the silo's <c>seed --members N</c> loads it: the same generator and seed,
/// so the same members in the same order, and the load needs nothing but the gateway's HTTP endpoint.
/// A first pass over the whole directory finds what a journey must avoid: identities shared by several members
/// (the search singles out nobody) and mobiles shared by several members (an SMS could be another's).
/// </summary>
public sealed class DevelopmentMemberSource : IMemberSource
{
    /// <summary>The specification's two members (COMET, D'ARCY) stay free for people trying the wizard.</summary>
    private const int KeptForPeople = 2;

    private const long FirstNewPhone = 700_000_000;
    private const long NewPhoneBlock = 10_000_000;

    private readonly int _count;
    private readonly HashSet<long> _ambiguousIdentities = [];
    private readonly HashSet<long> _sharedPhones = [];
    private readonly HashSet<long> _phonesOnFile = [];
    private readonly Dictionary<(string, string), int> _nameIds = [];
    private readonly Dictionary<string, int> _nameKeyIds = new(StringComparer.Ordinal);

    /// <param name="count">How many members the directory was seeded with (all of them are surveyed).</param>
    public DevelopmentMemberSource(int count)
    {
        _count = count;
        var identities = new HashSet<long>();
        foreach (var member in SyntheticMembers.Generate(count))
        {
            if (!identities.Add(IdentityOf(member)))
            {
                _ambiguousIdentities.Add(IdentityOf(member));
            }

            if (PhoneOf(member) is { } phone && !_phonesOnFile.Add(phone))
            {
                _sharedPhones.Add(phone);
            }
        }
    }

    public IEnumerable<DirectoryMember> From(long start)
    {
        var index = -1L;
        foreach (var member in SyntheticMembers.Generate(_count))
        {
            index++;
            if (index < Math.Max(start, KeptForPeople) || _ambiguousIdentities.Contains(IdentityOf(member)))
            {
                continue;
            }

            var phone = PhoneOf(member);
            yield return new DirectoryMember(index, member.MemberNumber, member.LastName, member.FirstName,
                member.BirthDate, member.MobilePhone, phone is not null && !_sharedPhones.Contains(phone.Value),
                NewPhone(index));
        }
    }

    /// <summary>07 00 00 00 00 + index, moved by blocks of ten million past any number a member has on file.</summary>
    private string NewPhone(long index)
    {
        for (var block = 0; block < 10; block++)
        {
            var phone = FirstNewPhone + (index % NewPhoneBlock) + (block * NewPhoneBlock);
            if (!_phonesOnFile.Contains(phone))
            {
                return phone.ToString("D10", CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No free mobile number for directory index {index}.");
    }

    /// <summary>Normalised names (as the directory search compares them) and birth date, as one number.</summary>
    private long IdentityOf(MemberRecord member)
    {
        if (!_nameIds.TryGetValue((member.LastName, member.FirstName), out var nameId))
        {
            var nameKey = MemberKeys.NameKeyOf(member.LastName, member.FirstName);
            if (!_nameKeyIds.TryGetValue(nameKey, out nameId))
            {
                nameId = _nameKeyIds.Count;
                _nameKeyIds[nameKey] = nameId;
            }

            _nameIds[(member.LastName, member.FirstName)] = nameId;
        }

        return ((long)nameId << 20) | (uint)member.BirthDate.DayNumber;
    }

    private static long? PhoneOf(MemberRecord member) =>
        member.MobilePhone is { } phone ? long.Parse(phone, NumberStyles.None, CultureInfo.InvariantCulture) : null;
}
