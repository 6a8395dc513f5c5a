using System.Text;
using Enrolment.Grains.Interfaces.Members;
using Sylvan.Data.Csv;

namespace Enrolment.Silo.Members.Import;

/// <summary>
/// Reads the insurer's member file (docs/import.md) and yields its good rows as members, while every problem of
/// every row is counted and the first <see cref="ProblemsKept"/> kept with their line. Callers apply the members
/// only when <see cref="ProblemCount"/> is still zero once the whole file is read.
/// </summary>
public sealed class MemberFile(TextReader text, DateOnly today)
{
    public const int ProblemsKept = 100;

    private readonly List<FileProblem> problems = [];
    private readonly Dictionary<string, int> lineOfNumber = new(StringComparer.Ordinal);

    public IReadOnlyList<FileProblem> Problems => problems;

    public int ProblemCount { get; private set; }

    public int Rows { get; private set; }

    /// <summary>UTF-8 with or without a byte order mark; bytes that are not UTF-8 become problems, not exceptions.</summary>
    public static MemberFile Open(string path, DateOnly today) =>
        new(new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true), today);

    public IEnumerable<MemberRecord> Members()
    {
        using var csv = OpenCsv();
        if (csv is null || Header(csv) is not { } ordinals)
        {
            yield break;
        }

        // Lines as an editor shows them: the header is line 1, and a record's raw text ends with its own line
        // break, with those of its quoted values before it.
        var line = 2;
        while (Next(csv, line))
        {
            var recordLine = line;
            var raw = csv.GetRawRecordSpan();
            line += LineBreaks(raw);
            if (raw.IsWhiteSpace())
            {
                continue;
            }

            Rows++;
            if (Row(csv, ordinals, recordLine) is { } member)
            {
                yield return member;
            }
        }
    }

    private CsvDataReader? OpenCsv()
    {
        try
        {
            // Comment '\0': a line starting with '#' is a row like any other, never silently skipped.
            return CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                Delimiter = ';',
                Comment = '\0',
                HeaderComparer = StringComparer.OrdinalIgnoreCase,
                MaxBufferSize = 1 << 20,
            });
        }
        catch (CsvMissingHeadersException)
        {
            Add(new FileProblem(1, "header", "empty file"));
            return null;
        }
    }

    private bool Next(CsvDataReader csv, int line)
    {
        try
        {
            return csv.Read();
        }
        catch (Exception unreadable) when (unreadable is CsvFormatException or CsvRecordTooLargeException or CsvInvalidCharacterException)
        {
            Add(new FileProblem(line, "row", "not readable as CSV (a quote left open?)"));
            return false;
        }
    }

    private Dictionary<string, int>? Header(CsvDataReader csv)
    {
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = csv.GetName(i).Trim();
            if (!ordinals.TryAdd(name, i) && MemberFileColumns.All.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                Add(new FileProblem(1, name, "column named twice"));
            }
        }

        foreach (var missing in MemberFileColumns.All.Where(c => !ordinals.ContainsKey(c)))
        {
            Add(new FileProblem(1, missing, "missing column"));
        }

        return ProblemCount == 0 ? ordinals : null;
    }

    private MemberRecord? Row(CsvDataReader csv, Dictionary<string, int> ordinals, int line)
    {
        var before = ProblemCount;
        if (csv.RowFieldCount > csv.FieldCount)
        {
            Add(new FileProblem(line, "row", $"{csv.RowFieldCount} fields, the header names {csv.FieldCount}"));
        }

        string Field(string column, int maxLength, bool required = true)
        {
            var ordinal = ordinals[column];
            if (ordinal >= csv.RowFieldCount)
            {
                // Some exports drop the empty fields that end a row; only a required one is missed.
                if (required)
                {
                    Add(new FileProblem(line, column, "missing"));
                }

                return "";
            }

            Check(line, column, MemberFields.Text(csv.GetString(ordinal), maxLength, required, out var value));
            return value;
        }

        var number = Field(MemberFileColumns.MemberNumber, 11);
        var lastName = Field(MemberFileColumns.LastName, MemberFileColumns.NameLength);
        var firstNames = Field(MemberFileColumns.FirstNames, MemberFileColumns.NameLength);
        var birth = Field(MemberFileColumns.BirthDate, 10);
        var street = Field(MemberFileColumns.Street, MemberFileColumns.StreetLength);
        var postalCode = Field(MemberFileColumns.PostalCode, 5);
        var city = Field(MemberFileColumns.City, MemberFileColumns.CityLength);
        var mobile = Field(MemberFileColumns.Mobile, MemberFileColumns.PhoneLength, required: false);
        if (ProblemCount > before)
        {
            return null;
        }

        var numberProblem = MemberFields.MemberNumber(number, out var memberNumber);
        Check(line, MemberFileColumns.MemberNumber, numberProblem);
        Check(line, MemberFileColumns.LastName, MemberFields.Name(lastName));
        Check(line, MemberFileColumns.FirstNames, MemberFields.Name(firstNames));
        Check(line, MemberFileColumns.BirthDate, MemberFields.BirthDate(birth, today, out var birthDate));
        Check(line, MemberFileColumns.PostalCode, MemberFields.PostalCode(postalCode));
        Check(line, MemberFileColumns.Mobile, MemberFields.Phone(mobile, out var phone));
        if (numberProblem is null && !lineOfNumber.TryAdd(memberNumber, line))
        {
            Add(new FileProblem(line, MemberFileColumns.MemberNumber, $"{number} already on line {lineOfNumber[memberNumber]}"));
        }

        return ProblemCount > before
            ? null
            : new MemberRecord(memberNumber, lastName, firstNames, birthDate, new PostalAddress(street, postalCode, city), phone);
    }

    private void Check(int line, string column, string? problem)
    {
        if (problem is not null)
        {
            Add(new FileProblem(line, column, problem));
        }
    }

    private void Add(FileProblem problem)
    {
        ProblemCount++;
        if (problems.Count < ProblemsKept)
        {
            problems.Add(problem);
        }
    }

    /// <summary>CRLF, LF or a lone CR each end one line.</summary>
    private static int LineBreaks(ReadOnlySpan<char> raw)
    {
        var count = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }
}
