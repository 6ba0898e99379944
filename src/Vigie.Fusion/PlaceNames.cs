using Vigie.Text;

namespace Vigie.Fusion;

/// <summary>Place and actor names folded for comparison, with Vigie's one fold.</summary>
internal static class PlaceNames
{
    /// <summary>The folded letters and digits of a name ("" for none).</summary>
    public static string Fold(string? s) => string.IsNullOrEmpty(s) ? "" : Folding.FoldLettersAndDigits(s);
}
