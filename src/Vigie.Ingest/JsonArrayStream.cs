using System.Text.Json;

namespace Vigie.Ingest;

/// <summary>The elements of a JSON array read from a stream one at a time, each bounded while it is read: the array
/// file as a whole may be of any size.</summary>
internal static class JsonArrayStream
{
    /// <summary>One element's bytes and the line it starts on, or why reading stopped (the rest is not read).</summary>
    public readonly record struct Element(int Line, byte[]? Json, string? Error);

    /// <summary>Blanks, then the bytes of a byte order mark (skipped before the array only).</summary>
    private static readonly byte[] Blanks = [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];

    public static IEnumerable<Element> Read(Stream stream, int maxElementBytes)
    {
        var buffer = new byte[Math.Min(1 << 16, maxElementBytes + 1)];
        var length = 0;
        var final = false;
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var line = 1; // the line of buffer[0]
        var started = false;
        while (true)
        {
            if (!final)
            {
                var n = stream.Read(buffer, length, buffer.Length - length);
                if (n == 0) final = true;
                length += n;
            }
            // Blanks between tokens are dropped here, so only an element itself must fit the buffer.
            var blank = buffer.AsSpan(0, length).IndexOfAnyExcept(started ? Blanks.AsSpan(0, 4) : Blanks);
            if (blank != 0)
            {
                var drop = blank < 0 ? length : blank;
                line += buffer.AsSpan(0, drop).Count((byte)'\n');
                Buffer.BlockCopy(buffer, drop, buffer, 0, length - drop);
                length -= drop;
                if (length == 0 && !final) continue;
            }
            var (element, consumed, next, needMore, error) = Step(buffer.AsSpan(0, length), final, state, started, line);
            if (error is not null) { yield return new Element(error.Value.Line, null, error.Value.Reason); yield break; }
            line += buffer.AsSpan(0, consumed).Count((byte)'\n');
            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
            state = next;
            started |= consumed > 0; // the '[' read
            if (element is { } e) { yield return e; continue; }
            if (!needMore) yield break; // the array's end
            if (final) { yield return new Element(line, null, "not JSON: the array is not closed"); yield break; }
            if (length == buffer.Length)
            {
                if (buffer.Length > maxElementBytes) { yield return new Element(line + LeadingLines(buffer), null, $"over the size limit ({maxElementBytes:N0} bytes in one element; the rest of the array is not read)"); yield break; }
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, maxElementBytes + 1L));
            }
        }
    }

    /// <summary>The line breaks before the next element (past the comma and blanks that end the one before).</summary>
    private static int LeadingLines(byte[] buffer)
    {
        var i = buffer.AsSpan().IndexOfAnyExcept(" \t\r\n,"u8);
        return buffer.AsSpan(0, i < 0 ? buffer.Length : i).Count((byte)'\n');
    }

    /// <summary>Reads up to one element from the data; what it consumed, and whether it needs more data for the next.</summary>
    private static (Element? Element, int Consumed, JsonReaderState State, bool NeedMore, (int Line, string Reason)? Error) Step(
        ReadOnlySpan<byte> data, bool final, JsonReaderState state, bool started, int line)
    {
        var reader = new Utf8JsonReader(data, final, state);
        try
        {
            if (!started)
            {
                if (!reader.Read()) return (null, 0, state, true, null);
                if (reader.TokenType != JsonTokenType.StartArray) return (null, 0, state, false, (line, "not a JSON array"));
                return (null, (int)reader.BytesConsumed, reader.CurrentState, true, null);
            }
            var before = reader.CurrentState;
            if (!reader.Read()) return (null, 0, state, true, null);
            if (reader.TokenType == JsonTokenType.EndArray) return (null, (int)reader.BytesConsumed, reader.CurrentState, false, null);
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) return (null, 0, before, true, null);
            var end = (int)reader.BytesConsumed;
            var at = line + data[..start].Count((byte)'\n');
            return (new Element(at, data[start..end].ToArray(), null), end, reader.CurrentState, true, null);
        }
        catch (JsonException ex)
        {
            return (null, 0, state, false, (line + (int)(ex.LineNumber ?? 0), "not JSON: " + DocumentFields.FirstSentence(ex.Message)));
        }
    }
}
