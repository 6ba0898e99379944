using System.Collections.Frozen;
using Vigie.Core;

namespace Vigie.Text;

/// <summary>Vigie's text layer: sentences, tokens, numbers and dates of a document, every span into its original text.</summary>
/// <remarks>Immutable and thread-safe once loaded; load it once per process with <see cref="Load"/>.</remarks>
public sealed class TextLayer
{
    private readonly FrozenDictionary<string, LanguageProfile> _languages;

    /// <summary>The text layer of language packs already loaded.</summary>
    public TextLayer(LanguagePacks packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        Packs = packs;
        _languages = packs.All.ToFrozenDictionary(p => p.Code, p => p.Text, StringComparer.Ordinal);
    }

    /// <summary>The language packs this layer reads.</summary>
    public LanguagePacks Packs { get; }

    /// <summary>The language codes loaded (<c>fr</c>, <c>en</c>…).</summary>
    public IReadOnlyCollection<string> Languages => _languages.Keys;

    /// <summary>Loads and validates every language pack under <paramref name="dataRoot"/> (see <see cref="LanguagePacks.Load"/>).</summary>
    /// <exception cref="LanguageDataException">Some file is missing or wrong; the message lists every <c>file:line: what</c>.</exception>
    public static TextLayer Load(string dataRoot) => new(LanguagePacks.Load(dataRoot));

    /// <summary>Loads the data found by <see cref="DataPaths.Root"/>.</summary>
    public static TextLayer LoadDefault() => Load(DataPaths.Root);

    /// <summary>Segments the text and recognises its numbers and dates, resolving dates against <paramref name="documentDate"/>.</summary>
    /// <param name="text">The document text (after the seed header, if any).</param>
    /// <param name="language">A loaded language code; an unknown code throws <see cref="ArgumentException"/>.</param>
    /// <param name="documentDate">The document's date, as precise as known; without it only absolute dates resolve.</param>
    public TextAnalysis Analyze(string text, string language, PartialDate? documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Profile(language).Analyze(text, documentDate);
    }

    /// <summary>Reads a document into the analysis every later stage shares (see <see cref="DocumentAnalysis"/>).</summary>
    /// <param name="text">The document text (after the seed header, if any).</param>
    /// <param name="language">A loaded language code; an unknown code throws <see cref="ArgumentException"/>.</param>
    /// <param name="documentDate">The document's date, as precise as known; without it only absolute dates resolve.</param>
    public DocumentAnalysis Read(string text, string language, PartialDate? documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        _ = Profile(language);
        return Packs.Find(language)!.Read(text, documentDate);
    }

    /// <summary>Re-resolves a date read as a bare or "this" weekday ("jeudi", "on Thursday") as the coming such day
    /// (on or after the document date), for events told in the future tense. Any other mention keeps its value.</summary>
    public DateValue ResolveAsFuture(DateMention mention, PartialDate? documentDate)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return ProfileOfRule(mention.Rule)?.Dates.ResolveAsFuture(mention, documentDate) ?? mention.Date;
    }

    /// <summary>Whether a date mention is a weekday that depends on tense (bare or "this"), so that <see cref="ResolveAsFuture"/> changes it.</summary>
    public bool IsTenseDependent(DateMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return ProfileOfRule(mention.Rule)?.Dates.IsTenseDependent(mention.Rule) ?? false;
    }

    private LanguageProfile? ProfileOfRule(string rule)
    {
        var slash = rule.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && _languages.TryGetValue(rule[..slash], out var p) ? p : null;
    }

    internal LanguageProfile Profile(string language) =>
        _languages.TryGetValue(language, out var p) ? p
        : throw new ArgumentException($"Language '{language}' is not loaded (loaded: {string.Join(", ", _languages.Keys)}).", nameof(language));
}
