using System.Collections.Frozen;
using Vigie.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Text;

/// <summary>One language's data, loaded once: <c>lang.yaml</c>, its parent chain, and every file of
/// <c>data/lang/&lt;code&gt;/</c>, each found in the language's folder first, then in its parents' (<c>fr-CA</c>
/// overrides only what differs from <c>fr</c>).</summary>
/// <remarks>Every part reads its files through the pack (the text layer, places, actors, the event engine), so that
/// inheritance works the same everywhere; the pack itself holds what several parts share: the tokeniser's rules
/// (elisions, clitics, abbreviations) and the lemma lexicon.</remarks>
public sealed class LanguagePack
{
    private readonly LanguageProfile.Files _files;

    private LanguagePack(string dataRoot, string code, string name, LanguageProfile.Files files, LanguageProfile text, Lexicon lexicon)
    {
        DataRoot = dataRoot;
        Code = code;
        Name = name;
        _files = files;
        Text = text;
        Lexicon = lexicon;
        WordClasses = new Syntax.LexiconWordClasses(lexicon);
        // The model loads on first use: most commands never parse.
        _settings = new Lazy<Syntax.SyntaxSettings?>(() => _files.Find(Syntax.SyntaxSettings.FileName) is { } path ? Syntax.SyntaxSettings.LoadFile(path) : null,
            LazyThreadSafetyMode.ExecutionAndPublication);
        _syntax = new Lazy<Syntax.SyntaxAnalyzer?>(LoadSyntax, LazyThreadSafetyMode.ExecutionAndPublication);
        _parser = new Lazy<Syntax.ISentenceParser>(() => _syntax.Value is { } model ? new Syntax.TokenSentenceParser(model) : new Syntax.LexiconParser(lexicon),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<Syntax.SyntaxSettings?> _settings;
    private readonly Lazy<Syntax.SyntaxAnalyzer?> _syntax;
    private readonly Lazy<Syntax.ISentenceParser> _parser;

    private Syntax.SyntaxAnalyzer? LoadSyntax()
    {
        if (SyntaxSettings is not { } settings || !File.Exists(settings.ModelPath)) return null;
        return Syntax.SyntaxAnalyzer.Load(settings.ModelPath, WordClasses);
    }

    /// <summary>The language's <c>syntax.yaml</c> (inherited from a parent when the language has none), or null.</summary>
    public Syntax.SyntaxSettings? SyntaxSettings => _settings.Value;

    /// <summary>The trained tagger and parser of the language (loaded on first use), or null when it has no model file.</summary>
    /// <exception cref="InvalidDataException">The model file is not a readable model of this version.</exception>
    public Syntax.SyntaxAnalyzer? SyntaxModel => _syntax.Value;

    /// <summary>The lexicon's classes and lemmas as the tagger and lemmatiser read them.</summary>
    public Syntax.IWordClasses WordClasses { get; }

    /// <summary>The data root the pack was read from (the folder holding <c>lang/</c>).</summary>
    public string DataRoot { get; }

    /// <summary>The language code (<c>fr</c>, <c>en</c>, <c>fr-CA</c>).</summary>
    public string Code { get; }

    /// <summary>The language's name in itself.</summary>
    public string Name { get; }

    /// <summary>The language, then its parent, its parent's parent…</summary>
    public IReadOnlyList<string> Chain => _files.Chain;

    /// <summary>The form→lemma lexicon, looked up by folded form.</summary>
    public Lexicon Lexicon { get; }

    /// <summary>The sentence parser of the language: its trained model, or, for a language without one, one word per
    /// token with the lexicon's lemma.</summary>
    public Syntax.ISentenceParser Parser => _parser.Value;

    /// <summary>Reads a document: tokens, sentences, numbers and dates, resolved against <paramref name="documentDate"/>.</summary>
    public DocumentAnalysis Read(string text, PartialDate? documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DocumentAnalysis(Text.Analyze(text, documentDate), this, documentDate);
    }

    /// <summary>The word parts of a phrase from a data file (an alias, a cue), read as the language's text is read.</summary>
    public IReadOnlyList<WordPart> PartsOf(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var tokens = new List<Token>();
        Text.Tokenizer.Run(phrase, tokens, []);
        return WordParts.Build(phrase, tokens);
    }

    /// <summary>The text layer's part: tokeniser, numbers and dates.</summary>
    internal LanguageProfile Text { get; }

    /// <summary>The path of a data file, from the language's folder or the nearest parent's that has it; null when none has.</summary>
    public string? Find(string fileName) => _files.Find(fileName);

    /// <summary>Every file whose name matches <paramref name="pattern"/> (<c>patterns*.yaml</c>) in the chain, one per
    /// name (a child's file replaces its parent's of the same name), in ordinal order of their names.</summary>
    public IReadOnlyList<string> FindAll(string pattern) => _files.FindAll(pattern);

    /// <summary>A path relative to the data root with forward slashes, as problems name files.</summary>
    public string Relative(string path) => Path.GetRelativePath(DataRoot, path).Replace('\\', '/');

    internal static LanguagePack? Load(string dataRoot, string code, DataProblems problems)
    {
        var langRoot = Path.Combine(dataRoot, "lang");
        var langFile = Path.Combine(langRoot, code, "lang.yaml");
        var lang = YamlFile.Load(langFile, problems);
        if (lang is null) return null;
        var declared = lang.Scalar(lang.Root, "code", required: true);
        if (declared is not null && declared != code) lang.Problem(lang.Root, $"code '{declared}' differs from the folder name '{code}'");
        var name = lang.Scalar(lang.Root, "name", required: true) ?? code;

        // The chain of parents; sections a child's lang.yaml leaves out come from the nearest parent that has them.
        var chain = new List<string> { code };
        var merged = new YamlMappingNode();
        foreach (var (key, value) in lang.Root.Children) merged.Children[key] = value;
        var parentNode = YamlFile.Get(lang.Root, "parent");
        for (var parent = lang.Scalar(lang.Root, "parent"); parent is not null;)
        {
            if (chain.Contains(parent) || !File.Exists(Path.Combine(langRoot, parent, "lang.yaml")))
            {
                lang.Problem(parentNode ?? lang.Root, $"parent '{parent}' is not a language folder, or forms a cycle");
                break;
            }
            chain.Add(parent);
            var p = YamlFile.Load(Path.Combine(langRoot, parent, "lang.yaml"), problems);
            if (p is null) break;
            foreach (var (key, value) in p.Root.Children)
                if (key is YamlScalarNode { Value: not ("code" or "name" or "parent") } && !merged.Children.ContainsKey(key)) merged.Children[key] = value;
            parent = p.Scalar(p.Root, "parent");
        }
        var files = new LanguageProfile.Files(langRoot, chain);
        var before = problems.Count;
        var lexicon = Lexicon.Load(files.FindAll("lexicon*").Where(f => !f.EndsWith(".md", StringComparison.Ordinal)), problems);
        var text = LanguageProfile.Load(lang.With(merged), code, name, files, lexicon, problems);
        if (text is null || problems.Count > before) return null;
        return new LanguagePack(dataRoot, code, name, files, text, lexicon);
    }
}

/// <summary>Every language pack under a data root (<c>data/lang/*/lang.yaml</c>), loaded and validated once per process.</summary>
public sealed class LanguagePacks
{
    private readonly FrozenDictionary<string, LanguagePack> _packs;

    private LanguagePacks(string dataRoot, FrozenDictionary<string, LanguagePack> packs)
    {
        DataRoot = dataRoot;
        _packs = packs;
    }

    /// <summary>The data root (the folder holding <c>lang/</c>).</summary>
    public string DataRoot { get; }

    /// <summary>The language codes loaded, in ordinal order.</summary>
    public IReadOnlyList<string> Codes => [.. _packs.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every pack, in ordinal order of their codes.</summary>
    public IEnumerable<LanguagePack> All => Codes.Select(c => _packs[c]);

    /// <summary>The pack of a language, or null when it is not loaded.</summary>
    public LanguagePack? Find(string code) => _packs.GetValueOrDefault(code);

    /// <summary>Loads and validates every <c>lang/&lt;code&gt;/</c> folder under <paramref name="dataRoot"/> that has a <c>lang.yaml</c>.</summary>
    /// <exception cref="LanguageDataException">Some file is missing or wrong; the message lists every <c>file:line: what</c>.</exception>
    public static LanguagePacks Load(string dataRoot)
    {
        ArgumentNullException.ThrowIfNull(dataRoot);
        dataRoot = Path.GetFullPath(dataRoot);
        var root = Path.Combine(dataRoot, "lang");
        if (!Directory.Exists(root)) throw new LanguageDataException($"{root}: no such folder");
        var codes = Directory.EnumerateDirectories(root).Where(d => File.Exists(Path.Combine(d, "lang.yaml")))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        if (codes.Length == 0) throw new LanguageDataException($"{root}: no language folder with a lang.yaml");
        // Languages load in parallel (the lexicons take most of the time); each collects its own problems.
        var results = new (LanguagePack? Pack, DataProblems Problems)[codes.Length];
        var schemas = LanguageSchemas.Load();
        Parallel.For(0, codes.Length, i =>
        {
            var problems = new DataProblems(dataRoot);
            // A file that breaks its schema is reported as such; the loaders then read only well-formed files.
            results[i] = (schemas.Validate(Path.Combine(root, codes[i]), problems) ? LanguagePack.Load(dataRoot, codes[i], problems) : null, problems);
        });
        var all = results.SelectMany(r => r.Problems.All).Distinct(StringComparer.Ordinal).ToList();
        if (all.Count > 0) throw new LanguageDataException(all);
        return new LanguagePacks(dataRoot, results.Select(r => r.Pack!).ToFrozenDictionary(p => p.Code, StringComparer.Ordinal));
    }

    /// <summary>Loads the data found by <see cref="DataPaths.Root"/>.</summary>
    public static LanguagePacks LoadDefault() => Load(DataPaths.Root);
}
