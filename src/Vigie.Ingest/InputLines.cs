using System.Text;

namespace Vigie.Ingest;

/// <summary>Why a line could not be read as text.</summary>
internal enum LineFlaw
{
    /// <summary>The line was read.</summary>
    None,

    /// <summary>The line's bytes are not UTF-8.</summary>
    NotUtf8,

    /// <summary>The line is longer than the limit; it was skipped without being kept.</summary>
    TooLong,
}

/// <summary>One line of input (1-based number), its text without the line end, or why it has none.</summary>
internal readonly record struct InputLine(int Number, string? Text, LineFlaw Flaw);

/// <summary>Splits input into lines, each bounded while it is read: a line over the limit is skipped, not kept.</summary>
internal static class InputLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Lines of a byte stream, each decoded on its own, so a line that is not UTF-8 costs only that line.</summary>
    public static IEnumerable<InputLine> FromBytes(Stream stream, int maxLineBytes)
    {
        var chunk = new byte[1 << 16];
        var line = new MemoryStream();
        var tooLong = false;
        var number = 0;
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            var at = 0;
            while (at < n)
            {
                var nl = Array.IndexOf(chunk, (byte)'\n', at, n - at);
                var end = nl < 0 ? n : nl;
                if (!tooLong)
                {
                    if (line.Length + end - at > maxLineBytes) { tooLong = true; line.SetLength(0); }
                    else line.Write(chunk, at, end - at);
                }
                if (nl < 0) break;
                yield return Decode(++number, line, tooLong);
                line.SetLength(0);
                tooLong = false;
                at = nl + 1;
            }
        }
        if (line.Length > 0 || tooLong) yield return Decode(++number, line, tooLong);
    }

    /// <summary>Lines of text already decoded (a request body, standard input).</summary>
    public static IEnumerable<InputLine> FromText(TextReader reader, int maxLineChars)
    {
        var chunk = new char[1 << 14];
        var line = new StringBuilder();
        var tooLong = false;
        var number = 0;
        int n;
        while ((n = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            var at = 0;
            while (at < n)
            {
                var nl = Array.IndexOf(chunk, '\n', at, n - at);
                var end = nl < 0 ? n : nl;
                if (!tooLong)
                {
                    if (line.Length + end - at > maxLineChars) { tooLong = true; line.Clear(); }
                    else line.Append(chunk, at, end - at);
                }
                if (nl < 0) break;
                yield return Text(++number, line, tooLong);
                line.Clear();
                tooLong = false;
                at = nl + 1;
            }
        }
        if (line.Length > 0 || tooLong) yield return Text(++number, line, tooLong);
    }

    private static InputLine Decode(int number, MemoryStream line, bool tooLong)
    {
        if (tooLong) return new InputLine(number, null, LineFlaw.TooLong);
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (number == 1 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (!bytes.IsEmpty && bytes[^1] == '\r') bytes = bytes[..^1];
        try { return new InputLine(number, StrictUtf8.GetString(bytes), LineFlaw.None); }
        catch (DecoderFallbackException) { return new InputLine(number, null, LineFlaw.NotUtf8); }
    }

    private static InputLine Text(int number, StringBuilder line, bool tooLong)
    {
        if (tooLong) return new InputLine(number, null, LineFlaw.TooLong);
        var start = number == 1 && line.Length > 0 && line[0] == '\uFEFF' ? 1 : 0;
        var end = line.Length > start && line[^1] == '\r' ? line.Length - 1 : line.Length;
        return new InputLine(number, line.ToString(start, end - start), LineFlaw.None);
    }
}
