using System.Collections.Frozen;
using System.IO.Compression;

namespace Vigie.Text.Syntax;

/// <summary>The parts of speech a language's lemma lexicon (<c>lexicon*.tsv[.gz]</c>, generated from Hunspell) gives
/// each folded form, as a short sorted code (<c>nv</c>): what the tagger knows of words its treebank never showed.</summary>
public sealed class LexiconWordClasses : IWordClasses
{
    private readonly FrozenDictionary<string, string> _classes;

    private LexiconWordClasses(FrozenDictionary<string, string> classes) => _classes = classes;

    /// <summary>How many forms have classes.</summary>
    public int Count => _classes.Count;

    /// <inheritdoc/>
    public string? ClassesOf(string lowerForm) => _classes.TryGetValue(Folding.Fold(lowerForm), out var c) ? c : null;

    /// <summary>Reads the lexicon files of a language folder (none: an empty lexicon).</summary>
    public static LexiconWordClasses Load(string languageFolder)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(languageFolder))
        {
            foreach (var file in Directory.EnumerateFiles(languageFolder, "lexicon*").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.EndsWith(".md", StringComparison.Ordinal) || name.StartsWith("lexicon-suffixes", StringComparison.Ordinal)) continue;
                using var stream = File.OpenRead(file);
                using var decoded = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
                using var reader = new StreamReader(decoded);
                string? line;
                while ((line = reader.ReadLine()) is not null)
                {
                    if (line.Length == 0 || line[0] == '#') continue;
                    var tab1 = line.IndexOf('\t', StringComparison.Ordinal);
                    var tab2 = tab1 < 0 ? -1 : line.IndexOf('\t', tab1 + 1);
                    if (tab2 < 0 || tab2 + 1 >= line.Length) continue;
                    var form = Folding.Fold(line.AsSpan(0, tab1));
                    var pos = line[tab2 + 1];
                    var old = map.GetValueOrDefault(form, "");
                    if (old.Contains(pos, StringComparison.Ordinal)) continue;
                    var code = new string([.. (old + pos).Order()]);
                    if (!codes.TryGetValue(code, out var shared)) codes[code] = shared = code;
                    map[form] = shared;
                }
            }
        }
        return new LexiconWordClasses(map.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
