using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Silo.Members;

/// <summary>
/// Synthetic French members for development and load tests, always the same for the same seed: the first
/// N members of a run are the first N of any longer run. It starts with the two members of the product's
/// specification, then mixes accents, hyphens, apostrophes, compound first names, 29 February birthdays,
/// homonyms born on other days, and a mobile phone for about 70 % of members.
/// </summary>
public static class SyntheticMembers
{
    public const int DefaultSeed = 20_240_229;

    public static readonly MemberRecord PaulComet = new(
        "1234567890", "COMET", "PAUL", new DateOnly(1985, 8, 1),
        new PostalAddress("74 RUE JEAN BLEUZEN", "92177", "VANVES"), "0639983708");

    public static readonly MemberRecord MarieHeleneDArcy = new(
        "2345678901", "D'ARCY", "MARIE-HÉLÈNE", new DateOnly(1972, 2, 29),
        new PostalAddress("3 PLACE DU MARCHÉ", "69002", "LYON"), null);

    private static readonly string[] LastNames =
    [
        "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
        "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
        "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MÜLLER", "FAURE", "ANDRÉ", "MERCIER",
        "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS", "LEGRAND", "GAUTHIER", "GARCIA", "PERRIN",
        "ROBIN", "CLÉMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON", "MARCHAND",
        "D'ALEMBERT", "D'ORNANO", "L'HERMITE", "D'ARTAGNAN", "DE LA FONTAINE", "LE GOFF", "LE BRIS", "SAINT-JUST",
        "BRÉHAT-LÉON", "DUVAL-MÉNARD", "N'DIAYE", "O'NEILL", "CÔTÉ", "BÉRANGER", "LÉVÊQUE", "NOËL", "HÉBERT",
        "JOLY", "BAILLY", "COMET",
    ];

    private static readonly string[] FirstNames =
    [
        "PAUL", "MARIE", "JEAN", "PIERRE", "MICHEL", "ANDRÉ", "PHILIPPE", "NATHALIE", "ISABELLE", "SYLVIE",
        "CATHERINE", "FRANÇOISE", "HÉLÈNE", "ÉLODIE", "CÉLINE", "JÉRÔME", "FRÉDÉRIC", "STÉPHANE", "CHLOÉ", "LÉA",
        "ZOÉ", "NOÉMIE", "AGNÈS", "GAËLLE", "JOËL", "RAPHAËL", "ANAÏS", "LOÏC", "FRANÇOIS", "THÉO",
        "JEAN-PIERRE", "JEAN-MARIE", "MARIE-HÉLÈNE", "ANNE-SOPHIE", "MARIE-CLAIRE", "JEAN-FRANÇOIS",
        "PIERRE-ANTOINE", "MARIE-THÉRÈSE", "JEAN-LUC", "ANNE-LAURE", "LOUIS", "CAMILLE", "JULIE", "NICOLAS",
    ];

    private static readonly string[] StreetKinds = ["RUE", "AVENUE", "BOULEVARD", "PLACE", "CHEMIN", "ALLÉE", "IMPASSE", "QUAI"];

    private static readonly string[] StreetNames =
    [
        "JEAN BLEUZEN", "DU MARCHÉ", "DE LA RÉPUBLIQUE", "VICTOR HUGO", "DES LILAS", "DU GÉNÉRAL LECLERC",
        "JEAN JAURÈS", "DE L'ÉGLISE", "PASTEUR", "DES ÉCOLES", "SAINT-MICHEL", "DU 8 MAI 1945", "D'ALSACE-LORRAINE",
        "DES PRÉS", "GAMBETTA", "DE LA GARE", "FÉLIX FAURE", "DU CHÂTEAU", "ÉMILE ZOLA", "DES ACACIAS",
    ];

    private static readonly (string PostalCode, string City)[] Cities =
    [
        ("92177", "VANVES"), ("69002", "LYON"), ("75011", "PARIS"), ("75015", "PARIS"), ("13001", "MARSEILLE"),
        ("31000", "TOULOUSE"), ("06000", "NICE"), ("44000", "NANTES"), ("67000", "STRASBOURG"), ("34000", "MONTPELLIER"),
        ("33000", "BORDEAUX"), ("59000", "LILLE"), ("35000", "RENNES"), ("51100", "REIMS"), ("42000", "SAINT-ÉTIENNE"),
        ("83000", "TOULON"), ("38000", "GRENOBLE"), ("21000", "DIJON"), ("49000", "ANGERS"), ("97400", "SAINT-DENIS"),
        ("29200", "BREST"), ("2A004", "AJACCIO"), ("74000", "ANNECY"), ("64200", "BIARRITZ"), ("22300", "LANNION"),
    ];

    /// <summary>The first <paramref name="count"/> members: the two of the specification, then synthetic ones.</summary>
    public static IEnumerable<MemberRecord> Generate(int count, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var fixedMembers = new[] { PaulComet, MarieHeleneDArcy };
        var taken = new HashSet<long>(fixedMembers.Select(m => long.Parse(m.MemberNumber, System.Globalization.CultureInfo.InvariantCulture)));
        var fixedIdentities = fixedMembers.Select(Identity).ToHashSet();
        var recent = new List<MemberRecord>();
        for (var i = 0; i < Math.Min(count, fixedMembers.Length); i++)
        {
            yield return fixedMembers[i];
        }

        for (var produced = fixedMembers.Length; produced < count;)
        {
            var member = Next(random, taken, recent);
            if (fixedIdentities.Contains(Identity(member)))
            {
                // The specification's members must stay the only ones with their identity.
                continue;
            }

            if (recent.Count < 512)
            {
                recent.Add(member);
            }
            else
            {
                recent[random.Next(recent.Count)] = member;
            }

            produced++;
            yield return member;
        }
    }

    private static MemberRecord Next(Random random, HashSet<long> taken, List<MemberRecord> recent)
    {
        long number;
        do
        {
            number = random.NextInt64(0, 10_000_000_000);
        }
        while (!taken.Add(number));

        // One member in twenty shares the names of an earlier member but was born another day.
        var homonymOf = recent.Count > 0 && random.Next(20) == 0 ? recent[random.Next(recent.Count)] : null;
        var lastName = homonymOf?.LastName ?? LastNames[random.Next(LastNames.Length)];
        var firstName = homonymOf?.FirstName ?? FirstNames[random.Next(FirstNames.Length)];
        var birthDate = BirthDate(random);
        if (homonymOf is not null && birthDate == homonymOf.BirthDate)
        {
            birthDate = birthDate.AddDays(1);
        }

        var (postalCode, city) = Cities[random.Next(Cities.Length)];
        var street = $"{random.Next(1, 200)} {StreetKinds[random.Next(StreetKinds.Length)]} {StreetNames[random.Next(StreetNames.Length)]}";
        var mobile = random.Next(10) < 7 ? $"0{6 + random.Next(2)}{random.Next(100_000_000):D8}" : null;
        return new MemberRecord(number.ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
            lastName, firstName, birthDate, new PostalAddress(street, postalCode, city), mobile);
    }

    /// <summary>Born between 1930 and 2005; one in a hundred on 29 February of a leap year.</summary>
    private static DateOnly BirthDate(Random random)
    {
        if (random.Next(100) == 0)
        {
            return new DateOnly(1932 + (4 * random.Next(19)), 2, 29);
        }

        return new DateOnly(1930, 1, 1).AddDays(random.Next(365 * 75));
    }

    private static (string, DateOnly) Identity(MemberRecord member) =>
        (MemberKeys.NameKeyOf(member.LastName, member.FirstName), member.BirthDate);
}
