using CsvHelper;

namespace Vigie.Ingest;

/// <summary>CSV (RFC 4180, read by CsvHelper): a header row naming CONTRACT §1's columns, then one document per record.</summary>
internal sealed class CsvFormat(DocumentFields fields) : IDocumentFormat
{
    /// <inheritdoc/>
    public IEnumerable<IngestItem> Read(string name, string content)
    {
        // The library recovers an unterminated quote by reading to the end; a document cut there is rejected instead.
        long unterminated = -1;
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            OnMalformedRecord = m => { if (m.Reason == CsvMalformedReason.UnterminatedQuote) unterminated = m.LineNumber; },
        };
        using var csv = CsvReader.FromText(content, options);
        csv.ReadHeader();
        if (csv.Headers.Count == 0) { yield return new Rejection(name, 1, "empty text"); yield break; }
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (Array.IndexOf(header, "text") < 0) { yield return new Rejection(name, 1, "no 'text' column in the CSV header"); yield break; }
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (line == unterminated) { yield return new Rejection(name, line, "unterminated quoted CSV field"); yield break; }
            if (csv.FieldCount == 1 && csv.IsEmpty(0)) continue;
            if (csv.FieldCount != header.Length)
            {
                yield return new Rejection(name, line, $"expected {header.Length} CSV fields, found {csv.FieldCount}");
                continue;
            }
            string? Field(string col) => Array.IndexOf(header, col) is var i and >= 0 ? csv.GetString(i) : null;
            yield return fields.FromFields(name, line, Field("id"), Field("text"), Field("date"), Field("title"), Field("language"), Field("source"), Field("url"));
        }
    }
}
