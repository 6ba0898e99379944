namespace Vigie.Ingest;

/// <summary>CSV (RFC 4180, <see cref="CsvRecords"/>): a header row naming CONTRACT §1's columns, then one document per record.</summary>
internal sealed class CsvFormat(DocumentFields fields) : IDocumentFormat
{
    /// <summary>Room for the other columns beside a document's text.</summary>
    private const int RecordSlack = 1 << 16;

    /// <inheritdoc/>
    public IEnumerable<IngestItem> Read(InputSource source)
    {
        var max = fields.Options.MaxDocumentBytes + RecordSlack;
        string[]? header = null;
        foreach (var record in CsvRecords.Read(source.Lines(max), max))
        {
            if (header is null)
            {
                if (record.Error is not null) { yield return new Rejection(source.Name, record.Line, "bad CSV header: " + record.Error); yield break; }
                if (record.Fields is [""]) continue;
                header = [.. record.Fields!.Select(h => h.Trim().ToLowerInvariant())];
                if (Array.IndexOf(header, "text") < 0) { yield return new Rejection(source.Name, record.Line, "no 'text' column in the CSV header"); yield break; }
                continue;
            }
            if (record.Error is not null) { yield return new Rejection(source.Name, record.Line, record.Error); continue; }
            var values = record.Fields!;
            if (values is [""]) continue;
            if (values.Count != header.Length)
            {
                yield return new Rejection(source.Name, record.Line, $"expected {header.Length} CSV fields, found {values.Count}");
                continue;
            }
            string? Field(string col) => Array.IndexOf(header, col) is var i and >= 0 ? values[i] : null;
            yield return fields.FromFields(source.Name, record.Line, Field("id"), Field("text"), Field("date"), Field("title"), Field("language"), Field("source"), Field("url"));
        }
        if (header is null) yield return new Rejection(source.Name, 1, "empty text");
    }
}
