using System.Buffers;
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
    public static IEnumerable<InputLine> FromBytes(Stream stream, int maxLineBytes) =>
        Split(c => stream.Read(c, 0, c.Length), new byte[1 << 16], (byte)'\n', maxLineBytes, Decode);

    /// <summary>Lines of text already decoded (a request body, standard input).</summary>
    public static IEnumerable<InputLine> FromText(TextReader reader, int maxLineChars) =>
        Split(c => reader.Read(c, 0, c.Length), new char[1 << 14], '\n', maxLineChars, Text);

    private delegate InputLine LineOf<T>(int number, ReadOnlySpan<T> line, bool tooLong);

    // One splitter over bytes or chars: reads a chunk at a time, keeps at most maxLine units of the current line.
    private static IEnumerable<InputLine> Split<T>(Func<T[], int> read, T[] chunk, T newline, int maxLine, LineOf<T> lineOf)
        where T : IEquatable<T>
    {
        var line = new ArrayBufferWriter<T>();
        var tooLong = false;
        var number = 0;
        int n;
        while ((n = read(chunk)) > 0)
        {
            var at = 0;
            while (at < n)
            {
                var nl = chunk.AsSpan(at, n - at).IndexOf(newline);
                var end = nl < 0 ? n : at + nl;
                if (!tooLong)
                {
                    if (line.WrittenCount + end - at > maxLine) { tooLong = true; line.ResetWrittenCount(); }
                    else line.Write(chunk.AsSpan(at, end - at));
                }
                if (nl < 0) break;
                yield return lineOf(++number, line.WrittenSpan, tooLong);
                line.ResetWrittenCount();
                tooLong = false;
                at = end + 1;
            }
        }
        if (line.WrittenCount > 0 || tooLong) yield return lineOf(++number, line.WrittenSpan, tooLong);
    }

    private static InputLine Decode(int number, ReadOnlySpan<byte> bytes, bool tooLong)
    {
        if (tooLong) return new InputLine(number, null, LineFlaw.TooLong);
        if (number == 1 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (!bytes.IsEmpty && bytes[^1] == '\r') bytes = bytes[..^1];
        try { return new InputLine(number, StrictUtf8.GetString(bytes), LineFlaw.None); }
        catch (DecoderFallbackException) { return new InputLine(number, null, LineFlaw.NotUtf8); }
    }

    private static InputLine Text(int number, ReadOnlySpan<char> line, bool tooLong)
    {
        if (tooLong) return new InputLine(number, null, LineFlaw.TooLong);
        if (number == 1 && !line.IsEmpty && line[0] == '\uFEFF') line = line[1..];
        if (!line.IsEmpty && line[^1] == '\r') line = line[..^1];
        return new InputLine(number, new string(line), LineFlaw.None);
    }
}
