using System.Text;
using Vigie.Extraction.Actors;
using Vigie.Text;

namespace Vigie.Extraction.Tests.Actors;

/// <summary>The actor recogniser loaded once from the repository's data, shared by the actor tests.</summary>
internal static class ActorFixture
{
    private static readonly Lazy<ActorRecognizer> Instance = new(() => ActorRecognizer.Load(DataPaths.Root));

    public static ActorRecognizer Recognizer => Instance.Value;

    /// <summary>../shared beside the repository, or null when this checkout has none.</summary>
    public static string? SharedRoot
    {
        get
        {
            var repo = Directory.GetParent(DataPaths.Root)?.FullName;
            var shared = repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared"));
            return shared is not null && Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary>Folds case, accents and punctuation as the gold scoring compares names (CONTRACT §4).</summary>
    public static string Loose(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD))
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
