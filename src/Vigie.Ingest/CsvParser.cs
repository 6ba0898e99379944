using System.Text;

namespace Vigie.Ingest;

/// <summary>An RFC 4180 CSV reader: quoted fields, doubled quotes, line breaks inside quotes; records carry their first line.</summary>
internal static class CsvParser
{
    public readonly record struct Record(int Line, string[] Fields, string? Error);

    public static IEnumerable<Record> Parse(string content)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var quoted = false;
        while (i <= content.Length)
        {
            if (i == content.Length)
            {
                if (quoted) { yield return new Record(recordLine, [], "unterminated quoted CSV field"); yield break; }
                if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); yield return new Record(recordLine, [.. fields], null); }
                yield break;
            }
            var c = content[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < content.Length && content[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    quoted = false; i++; continue;
                }
                if (c == '\n') line++;
                field.Append(c); i++; continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true; i++; break;
                case ',':
                    fields.Add(field.ToString()); field.Clear(); i++; break;
                case '\r':
                    i++; break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return new Record(recordLine, [.. fields], null);
                    fields.Clear();
                    line++; recordLine = line; i++;
                    break;
                default:
                    field.Append(c); i++; break;
            }
        }
    }
}
