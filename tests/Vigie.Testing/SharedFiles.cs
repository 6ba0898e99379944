using Xunit;

namespace Vigie.Testing;

/// <summary>Locates the shared reference folder (<c>../shared</c> beside the repository, or <c>VIGIE_SHARED</c>).</summary>
public static class SharedFiles
{
    /// <summary>The shared folder, or null when it is absent.</summary>
    public static string? Root { get; } = Locate();

    /// <summary>Whether the shared folder is present.</summary>
    public static bool Available => Root is not null;

    /// <summary>CI sets <c>VIGIE_REQUIRE_SHARED=1</c>: there a missing shared folder fails the tests instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("VIGIE_REQUIRE_SHARED") == "1";

    /// <summary>Why shared tests are skipped, or null when they run.</summary>
    public static string? SkipReason => Root is null && !Required ? "../shared is absent (set VIGIE_SHARED to run this test)" : null;

    /// <summary>A path under the shared folder; throws when the folder is absent.</summary>
    public static string PathOf(string relative) =>
        System.IO.Path.Combine(Root ?? throw new InvalidOperationException("../shared is absent (set VIGIE_SHARED)."), relative);

    /// <summary>A path under the shared folder from its parts; throws when the folder is absent.</summary>
    public static string Path(params string[] parts) => PathOf(System.IO.Path.Combine(parts));

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("VIGIE_SHARED");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? System.IO.Path.GetFullPath(env) : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (File.Exists(System.IO.Path.Combine(candidate, "CONTRACT.md"))) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that needs the shared folder: skipped with a message when it is absent (never in CI).</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the shared folder is absent.</summary>
    public SharedFactAttribute()
    {
        if (SharedFiles.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs the shared folder: skipped with a message when it is absent (never in CI).</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the shared folder is absent.</summary>
    public SharedTheoryAttribute()
    {
        if (SharedFiles.SkipReason is { } reason) Skip = reason;
    }
}
