using System.Reflection;
using System.Text.RegularExpressions;

namespace Vigie.Cli.Tests;

/// <summary>The parts keep their boundaries (DESIGN.md "Parts"): Core depends on nothing, extraction never reaches
/// storage or the server, and text is tokenised and folded in Vigie.Text only.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] Parts =
        ["Vigie.Core", "Vigie.Text", "Vigie.Geo", "Vigie.Extraction", "Vigie.Fusion", "Vigie.Storage", "Vigie.Ingest", "Vigie.Pipeline", "Vigie.Server", "vigie"];

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static HashSet<string> VigieClosure(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>([name]);
        while (todo.Count > 0)
            foreach (var r in Load(todo.Pop()).GetReferencedAssemblies())
                if (r.Name is { } n && n.StartsWith("Vigie.", StringComparison.Ordinal) && seen.Add(n)) todo.Push(n);
        return seen;
    }

    [Fact]
    public void Core_references_nothing_but_the_runtime()
    {
        var references = Load("Vigie.Core").GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.All(references, r => Assert.True(r is "System.Runtime" or "netstandard" || r.StartsWith("System.", StringComparison.Ordinal), $"Vigie.Core references {r}"));
    }

    [Fact]
    public void Extraction_never_references_storage_or_the_server()
    {
        var closure = VigieClosure("Vigie.Extraction");
        Assert.DoesNotContain("Vigie.Storage", closure);
        Assert.DoesNotContain("Vigie.Server", closure);
        Assert.DoesNotContain("Vigie.Pipeline", closure);
    }

    [Fact]
    public void No_part_but_the_text_layer_has_a_tokeniser()
    {
        foreach (var part in Parts.Where(p => p != "Vigie.Text"))
        {
            var types = Load(part).GetTypes().Where(t => TokeniserName().IsMatch(t.Name)).Select(t => t.FullName).ToList();
            Assert.True(types.Count == 0, $"{part} has its own tokeniser: {string.Join(", ", types)} (read DocumentAnalysis instead)");
        }
    }

    [Fact]
    public void No_source_outside_the_text_layer_folds_text_itself()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (rel.StartsWith("Vigie.Text/", StringComparison.Ordinal) || rel.Contains("/obj/", StringComparison.Ordinal) || rel.Contains("/bin/", StringComparison.Ordinal)) continue;
            var lineNo = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNo++;
                if (FoldingCode().IsMatch(line)) offenders.Add($"src/{rel}:{lineNo}: {line.Trim()}");
            }
        }
        Assert.True(offenders.Count == 0, "Fold text with Vigie.Text.Folding:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_source_scan_finds_a_fold_written_by_hand()
    {
        Assert.Matches(FoldingCode(), "var d = s.Normalize(NormalizationForm.FormD);");
        Assert.Matches(FoldingCode(), "if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);");
        Assert.DoesNotMatch(FoldingCode(), "var id = code.ToLowerInvariant();");
        Assert.Matches(TokeniserName(), "GeoTokenizer");
        Assert.Matches(TokeniserName(), "WordSplitter");
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Vigie.slnx"))) return d.FullName;
        throw new DirectoryNotFoundException("Vigie.slnx not found above the test binaries.");
    }

    // Accent stripping by decomposition, by mark categories, or by a table of folded letters.
    [GeneratedRegex(@"NormalizationForm\.FormK?D\b|UnicodeCategory\.(NonSpacingMark|SpacingCombiningMark|EnclosingMark)|\bFoldTable\b")]
    private static partial Regex FoldingCode();

    [GeneratedRegex(@"Tokeni[sz]er|Splitter|^SimpleSentences$", RegexOptions.IgnoreCase)]
    private static partial Regex TokeniserName();
}
