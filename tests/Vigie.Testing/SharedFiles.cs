using Xunit;

namespace Vigie.Testing;

/// <summary>Finds <c>../shared</c> (the reference samples, gold and corpus beside the repository), or <c>VIGIE_SHARED</c>.</summary>
public static class SharedFiles
{
    /// <summary>The shared folder, or null when this clone has none beside it.</summary>
    public static string? Root { get; } = Locate();

    /// <summary>Whether the shared folder is present.</summary>
    public static bool Available => Root is not null;

    /// <summary>CI sets <c>VIGIE_REQUIRE_SHARED=1</c>: there, a missing shared folder fails the tests instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("VIGIE_REQUIRE_SHARED") == "1";

    /// <summary>The skip message.</summary>
    public const string Missing = "../shared is not beside this clone: the reference samples, gold and corpus are absent.";

    /// <summary>A path inside the shared folder; fails when it is absent (tests that need it use <see cref="SharedFactAttribute"/>).</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException("../shared is not present."), .. parts]);

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("VIGIE_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return System.IO.Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "Vigie.slnx"))) continue;
            // The repository root: shared sits beside it (../shared), or beside the main checkout for a worktree.
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, "..", "shared"), System.IO.Path.Combine(dir.FullName, "..", "..", "shared") })
                if (Directory.Exists(System.IO.Path.Combine(candidate, "gold"))) return System.IO.Path.GetFullPath(candidate);
            return null;
        }
        return null;
    }
}

/// <summary>A fact that needs <c>../shared</c>: skipped with a message where it is absent (a clone elsewhere); CI always has it.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    /// <summary>Sets Skip when the shared folder is missing.</summary>
    public SharedFactAttribute()
    {
        if (!SharedFiles.Available && !SharedFiles.Required) Skip = SharedFiles.Missing;
    }
}

/// <summary>A theory that needs <c>../shared</c>.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets Skip when the shared folder is missing.</summary>
    public SharedTheoryAttribute()
    {
        if (!SharedFiles.Available && !SharedFiles.Required) Skip = SharedFiles.Missing;
    }
}
