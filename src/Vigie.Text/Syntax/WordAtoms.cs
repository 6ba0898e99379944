namespace Vigie.Text.Syntax;

/// <summary>Tells the classes a lexicon gives a word (for example <c>nv</c>: noun or verb), or null when unknown.</summary>
public interface IWordClasses
{
    /// <summary>The word's lexical classes as a short code, or null when the lexicon lacks it.</summary>
    string? ClassesOf(string lowerForm);
}

/// <summary>A lexicon that knows no word.</summary>
public sealed class NoWordClasses : IWordClasses
{
    /// <summary>The one instance.</summary>
    public static NoWordClasses Instance { get; } = new();

    /// <inheritdoc/>
    public string? ClassesOf(string lowerForm) => null;
}

/// <summary>The hashed atoms of one word that the tagger's and parser's features combine, computed once per word.</summary>
internal readonly record struct WordAtoms(
    ulong Lower, ulong Suffix1, ulong Suffix2, ulong Suffix3, ulong Suffix4, ulong Prefix1, ulong Prefix2, ulong Shape, ulong Classes)
{
    public static readonly WordAtoms Missing = new(FeatureHash.None, FeatureHash.None, FeatureHash.None, FeatureHash.None,
        FeatureHash.None, FeatureHash.None, FeatureHash.None, FeatureHash.None, FeatureHash.None);

    public static readonly WordAtoms Root = new(FeatureHash.Of("<root>"), FeatureHash.None, FeatureHash.None, FeatureHash.None,
        FeatureHash.None, FeatureHash.None, FeatureHash.None, FeatureHash.Of("<root>"), FeatureHash.None);

    /// <summary>Computes the atoms of a word form.</summary>
    public static WordAtoms Of(string form, IWordClasses classes)
    {
        var lower = Normalize(form);
        var n = lower.Length;
        var span = lower.AsSpan();
        return new WordAtoms(
            FeatureHash.Of(span),
            Piece(span[Math.Max(0, n - 1)..], 1),
            Piece(span[Math.Max(0, n - 2)..], 2),
            Piece(span[Math.Max(0, n - 3)..], 3),
            Piece(span[Math.Max(0, n - 4)..], 4),
            Piece(span[..Math.Min(1, n)], 11),
            Piece(span[..Math.Min(2, n)], 12),
            FeatureHash.Of(ShapeOf(form)),
            classes.ClassesOf(lower) is { } c ? FeatureHash.Of(c) : FeatureHash.None);
    }

    /// <summary>The lower-case form, digits collapsed (<c>1984</c> and <c>2021</c> read alike).</summary>
    public static string Normalize(string form)
    {
        var hasDigit = false;
        foreach (var c in form) if (char.IsAsciiDigit(c)) { hasDigit = true; break; }
        if (!hasDigit) return form.ToLowerInvariant();
        Span<char> buffer = stackalloc char[Math.Min(form.Length, 64)];
        var n = 0;
        foreach (var c in form)
        {
            if (n == buffer.Length) break;
            buffer[n++] = char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }

    private static ulong Piece(ReadOnlySpan<char> s, int kind) => FeatureHash.Mix(FeatureHash.Of(s) + (ulong)kind);

    /// <summary>A short shape code: case pattern, digits, hyphen, apostrophe, length class.</summary>
    private static string ShapeOf(string form)
    {
        int upper = 0, lower = 0, digit = 0, other = 0;
        var hyphen = false;
        foreach (var c in form)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
            else if (char.IsDigit(c)) digit++;
            else { other++; if (c == '-') hyphen = true; }
        }
        var kind = digit > 0 && upper + lower == 0 ? "d"
            : digit > 0 ? "ad"
            : upper + lower == 0 ? "p"
            : upper == 0 ? "x"
            : lower == 0 ? (form.Length == 1 ? "X1" : "X")
            : char.IsUpper(form[0]) && upper == 1 ? "Xx" : "xX";
        return kind + (hyphen ? "-" : "") + (other > 0 && !hyphen && upper + lower > 0 ? "'" : "") + (form.Length <= 3 ? "s" : "");
    }
}
