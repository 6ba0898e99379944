namespace Vigie.Ingest;

/// <summary>A text file with a <c>date YYYY-MM-DD</c> header, then the article: one document.</summary>
internal sealed class DatedTextFormat(DocumentFields fields) : IDocumentFormat
{
    /// <inheritdoc/>
    public IEnumerable<IngestItem> Read(InputSource source)
    {
        var content = source.ReadAll(fields.Options.MaxDocumentBytes, out var rejection);
        return content is null ? [rejection!] : [Read(source.Name, content)];
    }

    private IngestItem Read(string name, string content)
    {
        var s = content.AsSpan();
        var i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        var line = 1 + s[..i].Count('\n');
        if (s[i..].Trim().IsEmpty) return new Rejection(name, 1, "empty text");
        if (!s[i..].StartsWith("date", StringComparison.OrdinalIgnoreCase) || i + 4 >= s.Length || !IsBlank(s[i + 4]))
            return new Rejection(name, line, "no date header (expected 'date YYYY-MM-DD' before the text)");
        var j = i + 4;
        while (j < s.Length && IsBlank(s[j])) j++;
        var k = j;
        while (k < s.Length && !char.IsWhiteSpace(s[k])) k++;
        var token = s[j..k].ToString();
        if (token.Length == 0) return new Rejection(name, line, "no date in the date header");
        if (DocumentDates.Parse(token, out var error) is not { } date) return new Rejection(name, line, error!);
        // The document text starts after the blank that follows the date; line numbers stay those of the file.
        if (k < s.Length && IsBlank(s[k])) k++;
        var text = new string('\n', line - 1) + s[k..].ToString();
        return fields.Accept(name, line, null, text, date, null, null, null, null);
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\u00A0';
}
