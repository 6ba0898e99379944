using System.Collections.Frozen;

namespace Vigie.Text;

/// <summary>Identifies a document's language from the share of each language's function words among its words.</summary>
/// <remarks>Function words are frequent, short and nearly disjoint between languages, so a few hundred words suffice.
/// Each language Vigie reads contributes <c>data/lang/&lt;code&gt;/stopwords.txt</c>; <c>data/langid/&lt;code&gt;.txt</c> adds
/// languages Vigie only needs to recognise as foreign (Spanish shares "la", "de", "se" with French). A text whose best
/// language is a foreign one, or where no language reaches <see cref="MinimumShare"/> of its words, is "other".</remarks>
public sealed class LanguageIdentifier
{
    /// <summary>The code returned for a text in none of the known languages.</summary>
    public const string Other = "other";

    /// <summary>The share of function words below which a text is not in that language.</summary>
    public const double MinimumShare = 0.12;

    private readonly FrozenDictionary<string, string[]> _languagesByWord;
    private readonly string[] _codes;
    private readonly HashSet<string> _foreign;

    /// <summary>Builds an identifier from each language's function words; <paramref name="foreign"/> languages are reported as "other".</summary>
    public LanguageIdentifier(IReadOnlyDictionary<string, IReadOnlyCollection<string>> stopWordsByLanguage, IEnumerable<string>? foreign = null)
    {
        ArgumentNullException.ThrowIfNull(stopWordsByLanguage);
        _foreign = new HashSet<string>(foreign ?? [], StringComparer.Ordinal);
        _codes = [.. stopWordsByLanguage.Keys.Order(StringComparer.Ordinal)];
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var code in _codes)
            foreach (var w in stopWordsByLanguage[code])
            {
                if (!map.TryGetValue(w, out var l)) map[w] = l = [];
                if (!l.Contains(code)) l.Add(code);
            }
        _languagesByWord = map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Loads every language folder under the data root that has a <c>stopwords.txt</c>, and the foreign profiles.</summary>
    public static LanguageIdentifier Load(string dataRoot) => Load(dataRoot, LanguagePacks.Load(dataRoot));

    /// <summary>Reads the stop words of every language pack (its own or a parent's) and the foreign profiles under the data root.</summary>
    public static LanguageIdentifier Load(string dataRoot, LanguagePacks packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var words = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        foreach (var pack in packs.All)
            if (pack.Find("stopwords.txt") is { } file) words[pack.Code] = ReadWords(file);
        var foreign = new List<string>();
        var langid = Path.Combine(dataRoot, "langid");
        if (Directory.Exists(langid))
        {
            foreach (var file in Directory.EnumerateFiles(langid, "*.txt"))
            {
                var code = Path.GetFileNameWithoutExtension(file);
                if (words.ContainsKey(code)) continue;
                words[code] = ReadWords(file);
                foreign.Add(code);
            }
        }
        return new LanguageIdentifier(words, foreign);
    }

    private static HashSet<string> ReadWords(string file) => File.ReadLines(file)
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && l[0] != '#')
        .Select(l => l.ToLowerInvariant())
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The language code of the text (<c>fr</c>, <c>en</c>…), or <see cref="Other"/>.</summary>
    public string Identify(ReadOnlySpan<char> text)
    {
        Span<int> hits = stackalloc int[_codes.Length];
        var lookup = _languagesByWord.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[32];
        var words = 0;
        var i = 0;
        // Read at most the first 20,000 characters: enough words to decide, bounded cost on long documents.
        var limit = Math.Min(text.Length, 20_000);
        while (i < limit)
        {
            while (i < limit && !char.IsLetter(text[i])) i++;
            var start = i;
            while (i < limit && (char.IsLetter(text[i]))) i++;
            var len = i - start;
            if (len == 0) break;
            words++;
            if (len > buffer.Length) continue;
            var w = buffer[..len];
            text.Slice(start, len).ToLowerInvariant(w);
            if (lookup.TryGetValue(w, out var langs))
                foreach (var code in langs) hits[Array.IndexOf(_codes, code)]++;
        }
        if (words == 0) return Other;
        var best = -1;
        for (var k = 0; k < _codes.Length; k++)
            if (best < 0 || hits[k] > hits[best]) best = k;
        return best >= 0 && hits[best] >= Math.Max(1, MinimumShare * words) && !_foreign.Contains(_codes[best]) ? _codes[best] : Other;
    }
}
