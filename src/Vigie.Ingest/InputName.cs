using System.Globalization;
using System.Text;

namespace Vigie.Ingest;

/// <summary>Names of inputs as reports show them: one line each, whatever bytes the name holds, so a name cannot
/// forge a rejection line (a newline in it would start one).</summary>
public static class InputName
{
    /// <summary>The name with backslashes, control characters and lone surrogates escaped (<c>\\</c>, <c>\n</c>, <c>\x01</c>, <c>\ud800</c>).</summary>
    public static string Escape(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NeedsEscape(name)) return name;
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) { sb.Append(c).Append(name[++i]); continue; }
            AppendChar(sb, c);
        }
        return sb.ToString();
    }

    /// <summary>The text with control characters and line separators escaped, backslashes kept (for text that may
    /// be escaped already, such as names from the readers).</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => c is '\u2028' or '\u2029' || char.IsControl(c))) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\u2028' or '\u2029' || char.IsControl(c)) AppendChar(sb, c);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A name as the operating system gives it (bytes, usually UTF-8): valid UTF-8 is decoded, and each byte
    /// that is not is shown as <c>\xNN</c>.</summary>
    public static string Escape(ReadOnlySpan<byte> name)
    {
        var sb = new StringBuilder(name.Length + 8);
        while (!name.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(name, out var rune, out var used);
            if (status != System.Buffers.OperationStatus.Done)
            {
                sb.Append("\\x").Append(name[0].ToString("X2", CultureInfo.InvariantCulture));
                name = name[1..];
                continue;
            }
            if (rune.IsBmp) AppendChar(sb, (char)rune.Value);
            else sb.Append(rune.ToString());
            name = name[used..];
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '\\' or '\u2028' or '\u2029' || char.IsControl(c)) return true;
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
        }
        return false;
    }

    private static void AppendChar(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '\\': sb.Append("\\\\"); break;
            case '\n': sb.Append("\\n"); break;
            case '\r': sb.Append("\\r"); break;
            case '\t': sb.Append("\\t"); break;
            default:
                if (c < 0x20 || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                else if (c is '\u2028' or '\u2029' || char.IsControl(c) || char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else sb.Append(c);
                break;
        }
    }
}
