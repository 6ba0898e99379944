namespace Vigie.Text.Syntax;

/// <summary>Tells the classes a lexicon gives a word (for example <c>nv</c>: noun or verb), or null when unknown.</summary>
public interface IWordClasses
{
    /// <summary>The word's lexical classes as a short code, or null when the lexicon lacks it.</summary>
    string? ClassesOf(string lowerForm);

    /// <summary>The lexicon's lemma of the word read as <paramref name="tag"/>, or null when it has none of that class.</summary>
    string? LemmaOf(string lowerForm, Upos tag) => null;
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
    ulong Lower, ulong Suffix1, ulong Suffix2, ulong Suffix3, ulong Suffix4, ulong Prefix1, ulong Prefix2, ulong Shape, ulong Classes, ulong Prefix3)
{
    public static readonly WordAtoms Missing = new(FeatureHash.None, FeatureHash.None, FeatureHash.None, FeatureHash.None,
        FeatureHash.None, FeatureHash.None, FeatureHash.None, FeatureHash.None, FeatureHash.None, FeatureHash.None);

    public static readonly WordAtoms Root = new(FeatureHash.Of("<root>"), FeatureHash.None, FeatureHash.None, FeatureHash.None,
        FeatureHash.None, FeatureHash.None, FeatureHash.None, FeatureHash.Of("<root>"), FeatureHash.None, FeatureHash.None);

    /// <summary>Computes the atoms of a word form.</summary>
    public static WordAtoms Of(string form, IWordClasses classes) => Of(form, LowerForm(form), classes);

    /// <summary>Computes the atoms of a word form whose <see cref="LowerForm"/> is already known.</summary>
    public static WordAtoms Of(string form, string lowerForm, IWordClasses classes)
    {
        var lower = CollapseDigits(lowerForm);
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
            ShapeHashes[ShapeIndex(form)],
            classes.ClassesOf(lower) is { } c ? FeatureHash.Of(c) : FeatureHash.None,
            Piece(span[..Math.Min(3, n)], 13));
    }

    /// <summary>The lower-case form with typographic apostrophes made ASCII, as treebanks mostly write them
    /// (<c>l’armée</c> reads as <c>l'armée</c>).</summary>
    public static string LowerForm(string form)
    {
        var lower = form.ToLowerInvariant();
        return lower.AsSpan().IndexOfAny('\u2019', '\u2018', '\u02bc') < 0 ? lower
            : lower.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02bc', '\'');
    }

    /// <summary>The <see cref="LowerForm"/> form with digits collapsed (<c>1984</c> and <c>2021</c> read alike).</summary>
    public static string Normalize(string form) => CollapseDigits(LowerForm(form));

    private static string CollapseDigits(string lower)
    {
        if (lower.AsSpan().IndexOfAnyInRange('0', '9') < 0) return lower;
        return string.Create(lower.Length, lower, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = char.IsAsciiDigit(source[i]) ? '0' : source[i];
        });
    }

    private static ulong Piece(ReadOnlySpan<char> s, int kind) => FeatureHash.Mix(FeatureHash.Of(s) + (ulong)kind);

    private static readonly string[] ShapeKinds = ["d", "ad", "p", "x", "X1", "X", "Xx", "xX"];

    // The hash of every shape code, by ShapeIndex: shapes are hashed as their codes, without making the strings per word.
    private static readonly ulong[] ShapeHashes = [.. Enumerable.Range(0, ShapeKinds.Length * 8).Select(i =>
        FeatureHash.Of(ShapeKinds[i >> 3] + ((i & 4) != 0 ? "-" : "") + ((i & 2) != 0 ? "'" : "") + ((i & 1) != 0 ? "s" : "")))];

    /// <summary>A short shape code, as an index into <see cref="ShapeHashes"/>: case pattern, digits, hyphen,
    /// apostrophe, length class.</summary>
    private static int ShapeIndex(string form)
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
        var kind = digit > 0 && upper + lower == 0 ? 0
            : digit > 0 ? 1
            : upper + lower == 0 ? 2
            : upper == 0 ? 3
            : lower == 0 ? (form.Length == 1 ? 4 : 5)
            : char.IsUpper(form[0]) && upper == 1 ? 6 : 7;
        return kind << 3 | (hyphen ? 4 : 0) | (other > 0 && !hyphen && upper + lower > 0 ? 2 : 0) | (form.Length <= 3 ? 1 : 0);
    }
}
