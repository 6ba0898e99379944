using System.Globalization;
using System.Text;
using Vigie.Core;
using Vigie.Text;

namespace Vigie.Ingest;

/// <summary>Turns the fields every format carries (id, text, date, title, language, source, url) into a document or a
/// rejection, with the same checks and messages whatever the format.</summary>
internal sealed class DocumentFields(LanguageIdentifier languages, ReaderOptions options)
{
    public ReaderOptions Options => options;

    /// <summary>Checks the fields and builds the document; a bad or oversized field is a rejection at <paramref name="line"/>.</summary>
    public IngestItem FromFields(string name, int line, string? id, string? text, string? dateText, string? title, string? language, string? source, string? url)
    {
        if (string.IsNullOrWhiteSpace(text)) return new Rejection(name, line, "empty text");
        if (Encoding.UTF8.GetByteCount(text) > options.MaxDocumentBytes)
            return new Rejection(name, line, $"over the size limit ({options.MaxDocumentBytes:N0} bytes)");
        PartialDate? date = null;
        if (!string.IsNullOrWhiteSpace(dateText))
        {
            date = ParseLooseDate(dateText);
            if (date is null) return new Rejection(name, line, $"bad date '{dateText}'");
        }
        return Accept(name, line, string.IsNullOrWhiteSpace(id) ? null : id.Trim(), text, date, title, language, source, url);
    }

    /// <summary>ISO dates, possibly with a time (the time is dropped), and RFC 822 feed dates.</summary>
    internal static PartialDate? ParseLooseDate(string s)
    {
        s = s.Trim();
        if (PartialDate.TryParse(s) is { } p) return p;
        if (s.Length > 10 && (s[10] == 'T' || s[10] == ' ') && PartialDate.TryParse(s.AsSpan(0, 10)) is { } q) return q;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
            return new PartialDate(dto.Year, dto.Month, dto.Day);
        // RFC 822 with a zone name DateTimeOffset does not know ("GMT" is known, "EST" is not): drop the zone.
        var lastSpace = s.LastIndexOf(' ');
        if (lastSpace > 0 && DateTime.TryParse(s[..lastSpace], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
            return new PartialDate(dt.Year, dt.Month, dt.Day);
        return null;
    }

    /// <summary>The document with its idempotency key; the language is identified when the input does not give it.</summary>
    public AcceptedDocument Accept(string name, int line, string? id, string text, PartialDate? date, string? title, string? language, string? source, string? url)
    {
        var key = DocumentKeys.ContentKey(text, date);
        var lang = NormaliseLanguage(language) ?? languages.Identify(text);
        var doc = new Document(id ?? DocumentKeys.DerivedId(name, key), text, date, lang, title, source ?? (name == "-" ? null : name), url);
        return new AcceptedDocument(name, line, doc, key);
    }

    /// <summary>The first sentence of a parser's message, for a one-line rejection.</summary>
    public static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return (dot > 0 ? message[..dot] : message).TrimEnd('.');
    }

    private static string? NormaliseLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var l = language.Trim().ToLowerInvariant();
        var dash = l.IndexOfAny(['-', '_']);
        return dash > 0 ? l[..dash] : l;
    }
}
