using System.Globalization;
using System.Text;
using CsvHelper;

namespace Vigie.Pipeline.Evaluation;

/// <summary>One coded event of an ACLED export: the columns <c>eval --acled</c> compares with.</summary>
/// <param name="File">The name of the file the row was read from, as problems cite it.</param>
/// <param name="Line">The 1-based line of the file where the row starts.</param>
/// <param name="Id">ACLED's <c>event_id_cnty</c>, else the line number.</param>
/// <param name="Date">The <c>event_date</c>.</param>
/// <param name="EventType">ACLED's <c>event_type</c>.</param>
/// <param name="SubEventType">ACLED's <c>sub_event_type</c>.</param>
/// <param name="Actor1">ACLED's <c>actor1</c> as written.</param>
/// <param name="Inter1">ACLED's actor type code of <c>actor1</c> (1 state forces … 8 external forces), when given.</param>
/// <param name="Location">ACLED's <c>location</c> name.</param>
/// <param name="Lat">The row's <c>latitude</c>, when given.</param>
/// <param name="Lon">The row's <c>longitude</c>, when given.</param>
/// <param name="Notes">The notes as published; <see cref="AcledNotes.Clean"/> gives the text Vigie reads.</param>
/// <param name="Fatalities">ACLED's <c>fatalities</c> (0 when empty).</param>
public sealed record AcledRow(
    string File,
    int Line,
    string Id,
    DateOnly Date,
    string EventType,
    string SubEventType,
    string Actor1,
    int? Inter1,
    string Location,
    double? Lat,
    double? Lon,
    string Notes,
    int Fatalities);

/// <summary>The rows of an ACLED export, the rows that could not be read (as <c>file:line: reason</c>), and how many
/// rows were left out for having no notes (ACLED's older rows often have none).</summary>
public sealed record AcledFile(IReadOnlyList<AcledRow> Rows, IReadOnlyList<string> Problems, int WithoutNotes);

/// <summary>Reads ACLED exports as ACLED and HDX publish them (ACLED's documented column names, any order).</summary>
public static class AcledReader
{
    /// <summary>The columns without which a row cannot be scored.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = ["event_date", "event_type", "sub_event_type", "notes"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "dd MMMM yyyy", "d-MMMM-yyyy", "d MMM yyyy", "d-MMM-yyyy", "d-MMM-yy"];

    /// <summary>Reads a file; throws <see cref="FormatException"/> naming the file when a required column is missing.</summary>
    public static AcledFile Read(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true });
        return Read(csv, path);
    }

    /// <summary>Reads CSV text (tests, standard input); <paramref name="name"/> names it in problems.</summary>
    public static AcledFile ReadText(string text, string name)
    {
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { TrackLineNumbers = true });
        return Read(csv, name);
    }

    private static AcledFile Read(CsvReader csv, string name)
    {
        int Column(string column) => csv.TryGetFieldIndex(column, out var i) ? i : -1;
        csv.ReadHeader();
        foreach (var c in RequiredColumns)
            if (Column(c) < 0) throw new FormatException($"{name}:1: not an ACLED export: no '{c}' column.");
        int date = Column("event_date"), type = Column("event_type"), sub = Column("sub_event_type"), notes = Column("notes");
        int id = Column("event_id_cnty"), actor1 = Column("actor1"), inter1 = Column("inter1"), location = Column("location");
        int lat = Column("latitude"), lon = Column("longitude"), fatalities = Column("fatalities");
        var rows = new List<AcledRow>();
        var problems = new List<string>();
        var first = true;
        var withoutNotes = 0;
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            string Field(int i) => i >= 0 && i < csv.FieldCount ? csv.GetString(i) ?? "" : "";
            // HDX adds a second row of HXL hashtags (#event+code, #date+occurred…) under the header.
            if (first && IsHashtagRow(csv, Field)) { first = false; continue; }
            first = false;
            var dateText = Field(date).Trim();
            if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problems.Add($"{name}:{line}: event_date '{dateText}' is not a date; row skipped");
                continue;
            }
            var text = Field(notes);
            if (string.IsNullOrWhiteSpace(text))
            {
                withoutNotes++;
                continue;
            }
            rows.Add(new AcledRow(name, line, id >= 0 ? Field(id) : line.ToString(CultureInfo.InvariantCulture), day,
                Field(type).Trim(), Field(sub).Trim(), Field(actor1).Trim(), Int(Field(inter1)), Field(location).Trim(),
                Double(Field(lat)), Double(Field(lon)), text, Int(Field(fatalities)) ?? 0));
        }
        return new AcledFile(rows, problems, withoutNotes);
    }

    private static bool IsHashtagRow(CsvReader csv, Func<int, string> field)
    {
        var tags = 0;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var f = field(i).Trim();
            if (f.Length == 0) continue;
            if (f[0] != '#') return false;
            tags++;
        }
        return tags > 0;
    }

    private static int? Int(string s) => int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? Double(string s) => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>Turns ACLED's notes into the text a reader of the news would see.</summary>
public static class AcledNotes
{
    /// <summary>Removes coders' bracketed annotations ("[size=no report]": a key, '=', a value) and a leading category
    /// label of one to three words ("Looting: On 5 May…"), and collapses the blanks they leave.</summary>
    public static string Clean(string notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var sb = new StringBuilder(notes.Length);
        var removed = false;
        for (var i = 0; i < notes.Length; i++)
        {
            if (notes[i] == '[' && AnnotationEnd(notes, i) is var end && end > i) { i = end; removed = true; continue; }
            sb.Append(notes[i]);
        }
        var text = Collapse(sb.ToString());
        // A removed annotation before a full stop leaves "reported ." behind.
        if (removed) text = text.Replace(" .", ".", StringComparison.Ordinal);
        var label = LabelLength(text);
        return label > 0 ? text[label..].TrimStart() : text;
    }

    /// <summary>The index of the ']' closing a "[key=value]" annotation that starts at <paramref name="open"/>, or -1.</summary>
    private static int AnnotationEnd(string s, int open)
    {
        var close = s.IndexOf(']', open + 1);
        if (close < 0) return -1;
        var eq = s.IndexOf('=', open + 1, close - open - 1);
        if (eq < 0) return -1;
        for (var k = open + 1; k < eq; k++)
            if (!char.IsLetter(s[k]) && s[k] is not (' ' or '_' or '-')) return -1;
        return eq > open + 1 ? close : -1;
    }

    /// <summary>The length of "Label: " when the text opens with a label of one to three letter-only words followed
    /// by a colon and a capital (a coder's category, not a sentence); else 0.</summary>
    private static int LabelLength(string s)
    {
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 40 || colon + 2 >= s.Length || s[colon + 1] != ' ' || !char.IsUpper(s[colon + 2])) return 0;
        if (!char.IsUpper(s[0])) return 0;
        var words = 1;
        for (var k = 0; k < colon; k++)
        {
            var c = s[k];
            if (c == ' ') { words++; continue; }
            if (!char.IsLetter(c) && c != '-') return 0;
        }
        return words <= 3 ? colon + 1 : 0;
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            var blank = char.IsWhiteSpace(c);
            if (blank && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(blank ? ' ' : c);
        }
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>True when the place name occurs in the text as whole words, ignoring case, accents and punctuation.</summary>
    public static bool Names(string text, string place)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(place)) return false;
        var p = Vigie.Text.Folding.FoldWords(place);
        return p.Length > 1 && (" " + Vigie.Text.Folding.FoldWords(text) + " ").Contains(" " + p + " ", StringComparison.Ordinal);
    }
}
