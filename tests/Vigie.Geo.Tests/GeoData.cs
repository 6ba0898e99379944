using Vigie.Geo;

namespace Vigie.Geo.Tests;

/// <summary>Finds the repository's data folder and loads the recogniser once for all tests.</summary>
public static class GeoData
{
    private static readonly Lazy<PlaceRecognizer> Lazy = new(Load);

    /// <summary>The repository's data/ folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared recogniser; fails with the build command when the gazetteer is missing.</summary>
    public static PlaceRecognizer Recognizer => Lazy.Value;

    private static PlaceRecognizer Load()
    {
        var bin = Path.Combine(Root, "geo", "gazetteer.bin");
        if (!File.Exists(bin))
            throw new InvalidOperationException($"{bin} is missing: run tools/gazetteer/build.sh before the Geo tests (CI does).");
        return PlaceRecognizer.Load(Root);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (Directory.Exists(Path.Combine(candidate, "lang")) && Directory.Exists(Path.Combine(candidate, "geo"))) return candidate;
        }
        throw new DirectoryNotFoundException("data/ (with lang/ and geo/) not found above the test binaries");
    }

    /// <summary>The shared/ folder beside the repository, or null when absent.</summary>
    public static string? Shared()
    {
        var shared = Path.GetFullPath(Path.Combine(Root, "..", "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }
}
