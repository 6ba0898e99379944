using Vigie.Core;
using Vigie.Extraction.Patterns;

namespace Vigie.Extraction.Tests.Engine;

public sealed class LanguageDataTests
{
    [Fact]
    public void French_and_English_have_rules_for_every_event_type()
    {
        foreach (var code in new[] { "fr", "en" })
        {
            var lang = EngineFixture.Engine.Language(code);
            Assert.NotNull(lang);
            foreach (var t in EventTypeCatalog.Default.All)
                Assert.True(lang.Rules.Any(r => r.Type == t.Type), $"{code}: no rule for {t.Type}");
        }
    }

    [Fact]
    public void Rule_ids_are_namespaced_by_language()
    {
        foreach (var code in EngineFixture.Engine.Languages)
            Assert.All(EngineFixture.Engine.Language(code)!.Rules, r => Assert.StartsWith(code + "/", r.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void French_verbs_are_lemmatised_from_the_lexicon()
    {
        var fr = EngineFixture.Engine.Language("fr")!;
        var read = EngineFixture.Packs.Find("fr")!.Read("ils s'emparaient de la ville", null);
        var tokens = fr.Words.Read(read, read.Sentences[0]);
        var verb = tokens.Single(t => t.Folded == "emparaient");
        Assert.Contains("emparer", verb.Lemmas);
        Assert.True(verb.Forms.HasFlag(Vigie.Text.VerbForm.Imperfect));
        Assert.Contains(tokens, t => t.Folded == "s'");
    }

    [Fact]
    public void A_broken_rule_is_reported_with_its_file_and_line()
    {
        // A child language of English with a rule of an unknown type: the pack inherits everything else.
        var root = Path.Combine(Path.GetTempPath(), "vigie-lang-" + Guid.NewGuid().ToString("N"));
        var en = Path.Combine(root, "lang", "en");
        var dir = Path.Combine(root, "lang", "xx");
        Directory.CreateDirectory(en);
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(EngineFixture.DataRoot, "lang", "en")))
                File.Copy(file, Path.Combine(en, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(dir, "lang.yaml"), "code: xx\nname: test\nparent: en\n");
            File.WriteAllText(Path.Combine(dir, "patterns.yaml"), "grammar:\n  coordination: [and]\nrules:\n  - id: xx/a\n    type: attack\n    pattern: \"^hit\"\n  - id: xx/b\n    type: no_such_type\n    pattern: \"^hit\"\n");
            var pack = Vigie.Text.LanguagePacks.Load(root).Find("xx")!;
            var e = Assert.Throws<FormatException>(() => LanguageData.Load(pack, EventTypeCatalog.Default));
            Assert.Contains("lang/xx/patterns.yaml:7", e.Message, StringComparison.Ordinal);
            Assert.Contains("no_such_type", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
