using Vigie.Core;

namespace Vigie.Pipeline.Tests;

/// <summary>Paths and the shared analyzer of the pipeline tests.</summary>
public static class TestData
{
    private static readonly Lazy<Analyzer> LazyAnalyzer = new(() => Analyzer.Create(DataRoot), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The repository root (the folder of Vigie.slnx).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The repository's data folder.</summary>
    public static string DataRoot => Path.Combine(RepoRoot, "data");

    /// <summary>The shared folder beside the repository, or null when absent.</summary>
    public static string? Shared
    {
        get
        {
            var p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(Path.Combine(p, "gold")) ? p : null;
        }
    }

    /// <summary>One analyzer for every test (loading the language data takes seconds).</summary>
    public static Analyzer Analyzer => LazyAnalyzer.Value;

    /// <summary>Reads a seed-format document ("date YYYY[-MM[-DD]] text") with the ingestion reader, under the given id and language.</summary>
    public static Document ReadDated(string path, string id, string language) =>
        new Vigie.Ingest.DocumentReader(Vigie.Text.LanguageIdentifier.Load(DataRoot)).Read([path])
            .OfType<Vigie.Ingest.AcceptedDocument>().Single().Document with { Id = id, Language = language };

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Vigie.slnx"))) return d.FullName;
        throw new DirectoryNotFoundException("Vigie.slnx not found above the test binaries.");
    }
}

/// <summary>A fact that is skipped when ../shared is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    /// <summary>Skips without the shared folder.</summary>
    public SharedFactAttribute()
    {
        if (TestData.Shared is null) Skip = "../shared is absent";
    }
}
