namespace Vigie.Text;

/// <summary>Finds Vigie's data folder: <c>VIGIE_DATA</c>, else the nearest <c>data/</c> above the program or the working directory.</summary>
public static class DataPaths
{
    /// <summary>The data root (the folder holding <c>lang/</c>).</summary>
    public static string Root { get; } = Locate();

    /// <summary>The folder of one language's data.</summary>
    public static string Language(string code) => Path.Combine(Root, "lang", code);

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("VIGIE_DATA");
        if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(Path.Combine(candidate, "lang"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("Vigie's data folder (data/lang) was not found; set VIGIE_DATA to it.");
    }
}
