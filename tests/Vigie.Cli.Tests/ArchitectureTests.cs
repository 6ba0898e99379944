using System.Reflection;
using System.Text.RegularExpressions;

namespace Vigie.Cli.Tests;

/// <summary>The parts keep their boundaries (DESIGN.md "Parts"): each part references only the parts before it in the
/// flow, database drivers and SQL stay in Storage, the queue client in Pipeline, and text is tokenised and folded in
/// Vigie.Text only.</summary>
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

    /// <summary>The parts each part may reference (DESIGN.md "Parts"; the flow goes forward only).</summary>
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Vigie.Text", ["Vigie.Core"] },
        { "Vigie.Geo", ["Vigie.Core", "Vigie.Text"] },
        { "Vigie.Extraction", ["Vigie.Core", "Vigie.Text"] },
        { "Vigie.Fusion", ["Vigie.Core", "Vigie.Text"] },
        { "Vigie.Storage", ["Vigie.Core", "Vigie.Text"] },
        { "Vigie.Ingest", ["Vigie.Core", "Vigie.Text"] },
        { "Vigie.Pipeline", ["Vigie.Core", "Vigie.Text", "Vigie.Geo", "Vigie.Extraction", "Vigie.Fusion", "Vigie.Storage", "Vigie.Ingest"] },
        { "Vigie.Server", ["Vigie.Core", "Vigie.Text", "Vigie.Geo", "Vigie.Extraction", "Vigie.Fusion", "Vigie.Storage", "Vigie.Ingest", "Vigie.Pipeline"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Each_part_references_only_the_parts_before_it(string part, string[] allowed)
    {
        var extra = VigieClosure(part).Except(allowed).Order(StringComparer.Ordinal).ToList();
        Assert.True(extra.Count == 0, $"{part} reaches {string.Join(", ", extra)}");
    }

    [Fact]
    public void Database_drivers_are_referenced_by_storage_only_and_the_queue_client_by_pipeline_only()
    {
        foreach (var part in Parts)
        {
            var refs = Load(part).GetReferencedAssemblies().Select(r => r.Name ?? "").ToList();
            if (part != "Vigie.Storage")
                Assert.DoesNotContain(refs, r => r.StartsWith("Npgsql", StringComparison.Ordinal) || r.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal));
            if (part != "Vigie.Pipeline")
                Assert.DoesNotContain(refs, r => r.StartsWith("NATS.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void No_sql_outside_storage()
    {
        var offenders = ScanSources(rel => !rel.StartsWith("Vigie.Storage/", StringComparison.Ordinal), SqlStatement());
        Assert.True(offenders.Count == 0, "SQL belongs in Vigie.Storage (add a store method):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void No_source_names_a_default_country_or_taker()
    {
        // A default such as "AF" or "taliban" ties the tool to one conflict; references come from the files given.
        var offenders = ScanSources(_ => true, ConflictDefault());
        Assert.True(offenders.Count == 0, "A default country or actor in src/:\n" + string.Join('\n', offenders));
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
        var offenders = ScanSources(rel => !rel.StartsWith("Vigie.Text/", StringComparison.Ordinal), FoldingCode());
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
        Assert.Matches(SqlStatement(), "new NpgsqlCommand(\"TRUNCATE documents CASCADE\", c)");
        Assert.Matches(SqlStatement(), "var sql = \"SELECT id FROM events WHERE type = @t\";");
        Assert.DoesNotMatch(SqlStatement(), "Description = \"Select the events of a type\"");
        Assert.Matches(ConflictDefault(), "Load(string path, string country = \"AF\")");
        Assert.Matches(ConflictDefault(), "string taker = \"taliban\")");
        Assert.DoesNotMatch(ConflictDefault(), "if (country == \"AF\") return;");
    }

    /// <summary>Lines of <c>src/**/*.cs</c> (outside bin and obj) whose path relative to src passes <paramref name="include"/> and that match.</summary>
    private static List<string> ScanSources(Func<string, bool> include, Regex pattern)
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (!include(rel) || rel.Contains("/obj/", StringComparison.Ordinal) || rel.Contains("/bin/", StringComparison.Ordinal)) continue;
            var lineNo = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNo++;
                if (pattern.IsMatch(line)) offenders.Add($"src/{rel}:{lineNo}: {line.Trim()}");
            }
        }
        return offenders;
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

    // A string literal that starts with an SQL statement's keywords, in capitals as the stores write them.
    [GeneratedRegex(@"""\s*(SELECT\s+\S|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|TRUNCATE\s|CREATE\s+(TABLE|INDEX)|ALTER\s+TABLE|DROP\s+TABLE)")]
    private static partial Regex SqlStatement();

    // A parameter or field defaulting to one conflict's country or actor.
    [GeneratedRegex(@"\w+\s*=\s*""(AF|AFG|taliban)""\s*[,);]", RegexOptions.IgnoreCase)]
    private static partial Regex ConflictDefault();

    [GeneratedRegex(@"Tokeni[sz]er|Splitter|^SimpleSentences$", RegexOptions.IgnoreCase)]
    private static partial Regex TokeniserName();
}
