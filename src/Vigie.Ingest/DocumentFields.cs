using System.Text;
using System.Text.RegularExpressions;
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
            date = DocumentDates.Parse(dateText, out var error);
            if (date is null) return new Rejection(name, line, error!);
        }
        id = string.IsNullOrWhiteSpace(id) ? null : id.Trim();
        var bad = DocumentLimits.CheckFields(id, title, language, source, url);
        if (bad is not null) return new Rejection(name, line, bad);
        return Accept(name, line, id, text, date, title, language, source, url);
    }

    /// <summary>The document with its idempotency key; the language is identified when the input does not give it.</summary>
    public AcceptedDocument Accept(string name, int line, string? id, string text, PartialDate? date, string? title, string? language, string? source, string? url)
    {
        var key = DocumentKeys.ContentKey(text, date);
        var lang = DocumentLimits.NormaliseLanguage(language) ?? languages.Identify(text);
        var doc = new Document(id ?? DocumentKeys.DerivedId(name, key), text, date, lang, title, source ?? (name == "-" ? null : name), url);
        return new AcceptedDocument(name, line, doc, key);
    }

    /// <summary>The first sentence of a parser's message, for a one-line rejection.</summary>
    public static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return (dot > 0 ? message[..dot] : message).TrimEnd('.');
    }
}

/// <summary>The bounds of a document's short fields, for every way in (files, requests, the queue's workers).</summary>
public static partial class DocumentLimits
{
    /// <summary>The longest id.</summary>
    public const int MaxIdLength = 256;

    /// <summary>The longest title, source name or URL.</summary>
    public const int MaxFieldLength = 2048;

    /// <summary>Why the fields cannot be a document's, or null when they can.</summary>
    public static string? CheckFields(string? id, string? title, string? language, string? source, string? url)
    {
        if (id is not null)
        {
            if (id.Length > MaxIdLength) return $"id over {MaxIdLength} characters";
            if (id.Any(char.IsControl)) return "id holds a control character";
        }
        if (!string.IsNullOrWhiteSpace(language) && !LanguageCode().IsMatch(language.Trim()))
            return $"bad language code '{InputName.Escape(language.Length > 20 ? language[..20] + "…" : language)}' (expected a code such as en or fr-FR)";
        if (title?.Length > MaxFieldLength) return $"title over {MaxFieldLength} characters";
        if (source?.Length > MaxFieldLength) return $"source over {MaxFieldLength} characters";
        if (url?.Length > MaxFieldLength) return $"url over {MaxFieldLength} characters";
        return null;
    }

    /// <summary>Why a document (from the queue, say) is not one the readers would give, or null when it is.</summary>
    public static string? Check(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.Id)) return "no id";
        if (string.IsNullOrWhiteSpace(document.Text)) return "empty text";
        return CheckFields(document.Id, document.Title, document.Language, document.Source, document.Url);
    }

    /// <summary>The language part of a code (<c>fr-FR</c> gives <c>fr</c>), lower-cased; null when none is given.</summary>
    public static string? NormaliseLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var l = language.Trim().ToLowerInvariant();
        var dash = l.IndexOfAny(['-', '_']);
        return dash > 0 ? l[..dash] : l;
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
