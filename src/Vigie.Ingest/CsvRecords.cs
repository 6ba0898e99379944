using System.Text;

namespace Vigie.Ingest;

/// <summary>One CSV record (its first line and fields), or why the lines from <see cref="Line"/> are none.</summary>
internal readonly record struct CsvRecord(int Line, List<string>? Fields, string? Error);

/// <summary>RFC 4180 records over bounded lines. A quoted field may span lines; one left open to the end of the input,
/// or closed and followed by other text, is rejected at its record's line and reading starts again at the next line,
/// each such line read as a record of its own, so one stray quote costs one row, not every row after it.</summary>
internal static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(IEnumerable<InputLine> lines, int maxRecordChars)
    {
        using var input = lines.GetEnumerator();
        var replay = new Queue<InputLine>();
        while (true)
        {
            var single = replay.Count > 0;
            if (!Next(input, replay, out var first)) yield break;
            if (first.Flaw != LineFlaw.None) { yield return Flawed(first.Number, first.Flaw); continue; }
            var parser = new Parser(maxRecordChars);
            var consumed = new List<InputLine> { first };
            var line = first;
            var droppedTo = 0; // past the size limit, later lines are only counted
            CsvRecord? result = null;
            while (result is null)
            {
                var outcome = parser.Feed(line.Text!);
                if (outcome == Outcome.Done) { result = parser.Overflow ? new(first.Number, null, "over the size limit") : new(first.Number, parser.Fields, null); break; }
                if (outcome == Outcome.Malformed) { result = new(first.Number, null, "text after a closing quote in a CSV field"); break; }
                // Inside a quoted field at the end of the line.
                if (single || !Next(input, replay, out line))
                {
                    result = new(first.Number, null, "unterminated quoted CSV field");
                    break;
                }
                if (line.Flaw != LineFlaw.None) { consumed.Add(line); result = new(first.Number, null, "quoted CSV field runs into a line that cannot be read"); break; }
                if (parser.Overflow) { droppedTo = line.Number; consumed.Clear(); }
                else consumed.Add(line);
            }
            yield return result.Value;
            if (result.Value.Error is null || result.Value.Error == "over the size limit") continue;
            // Start again at the line after the record's first: those read for it are read again, one record each.
            if (consumed.Count > 1)
            {
                var rest = new List<InputLine>(consumed.Skip(1));
                rest.AddRange(replay);
                replay = new Queue<InputLine>(rest);
            }
            else if (droppedTo > 0)
            {
                for (var n = first.Number + 1; n <= droppedTo; n++) yield return new CsvRecord(n, null, $"lost in the unterminated quoted field of line {first.Number}");
            }
        }
    }

    private static bool Next(IEnumerator<InputLine> input, Queue<InputLine> replay, out InputLine line)
    {
        if (replay.Count > 0) { line = replay.Dequeue(); return true; }
        if (input.MoveNext()) { line = input.Current; return true; }
        line = default;
        return false;
    }

    private static CsvRecord Flawed(int line, LineFlaw flaw) => new(line, null, flaw == LineFlaw.NotUtf8 ? "not UTF-8" : "over the size limit");

    private enum Outcome { Done, OpenQuote, Malformed }

    /// <summary>The state of one record across its lines.</summary>
    private sealed class Parser(int maxChars)
    {
        private readonly StringBuilder _field = new();
        private bool _inQuotes, _afterQuote, _quoted;
        private int _chars;

        public List<string> Fields { get; } = [];

        /// <summary>Past the limit: the record is scanned to its end but nothing more is kept.</summary>
        public bool Overflow { get; private set; }

        public Outcome Feed(string text)
        {
            if (_inQuotes) Append('\n');
            foreach (var c in text)
            {
                if (_inQuotes)
                {
                    if (c == '"') { _inQuotes = false; _afterQuote = true; }
                    else Append(c);
                }
                else if (_afterQuote)
                {
                    if (c == '"') { Append('"'); _inQuotes = true; _afterQuote = false; } // a doubled quote
                    else if (c == ',') EndField();
                    else return Outcome.Malformed;
                }
                else if (c == ',') EndField();
                else if (c == '"' && _field.Length == 0 && !_quoted) { _inQuotes = true; _quoted = true; }
                else Append(c);
            }
            if (_inQuotes) return Outcome.OpenQuote;
            EndField();
            return Outcome.Done;
        }

        private void Append(char c)
        {
            if (Overflow) return;
            if (++_chars > maxChars) { Overflow = true; _field.Clear(); Fields.Clear(); return; }
            _field.Append(c);
        }

        private void EndField()
        {
            if (!Overflow) Fields.Add(_field.ToString());
            _field.Clear();
            _afterQuote = _quoted = false;
        }
    }
}
