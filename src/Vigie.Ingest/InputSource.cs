using System.Text;
using System.Xml;

namespace Vigie.Ingest;

/// <summary>One input being read (a regular file, standard input, a request body): its name in reports, and its content
/// as bounded lines, one bounded text, or XML whose reading is budgeted.</summary>
internal abstract class InputSource(string name) : IDisposable
{
    /// <summary>The name rejections and derived ids use, already escaped (<see cref="InputName"/>).</summary>
    public string Name { get; } = name;

    /// <summary>The lines, each at most <paramref name="maxLineBytes"/> (longer ones are flagged, not kept).</summary>
    public abstract IEnumerable<InputLine> Lines(int maxLineBytes);

    /// <summary>The whole content when it holds at most <paramref name="maxBytes"/> UTF-8 bytes; otherwise the rejection.</summary>
    public abstract string? ReadAll(int maxBytes, out Rejection? rejection);

    /// <summary>An XML reader over the content; every read charges <paramref name="budget"/>.</summary>
    public abstract XmlReader OpenXml(XmlReaderSettings settings, ReadBudget budget);

    /// <summary>The bytes of a file, for readers that stream them; null for text already decoded.</summary>
    public virtual Stream? Bytes => null;

    /// <summary>The first character that is not blank (a byte for files), -1 when there is none; the content is not consumed.</summary>
    public abstract int FirstNonBlank();

    /// <inheritdoc/>
    public abstract void Dispose();
}

/// <summary>A regular file, opened already (so nothing can swap a FIFO in).</summary>
internal sealed class FileSource(string name, Stream stream) : InputSource(name)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Blanks, and the bytes of a byte order mark.</summary>
    private static readonly byte[] Blanks = [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];

    public override Stream? Bytes => stream;

    public override IEnumerable<InputLine> Lines(int maxLineBytes) => InputLines.FromBytes(stream, maxLineBytes);

    public override string? ReadAll(int maxBytes, out Rejection? rejection)
    {
        rejection = null;
        var length = stream.Length;
        if (length > maxBytes)
        {
            rejection = new Rejection(Name, 1, $"over the size limit ({length:N0} bytes > {maxBytes:N0})");
            return null;
        }
        // Read to the limit and one byte past it: a file may grow after its length was read.
        var buffer = new byte[Math.Min((long)maxBytes + 1, length + 1)];
        var n = 0;
        int r;
        while (n < buffer.Length && (r = stream.Read(buffer, n, buffer.Length - n)) > 0) n += r;
        if (n > length && n <= maxBytes)
        {
            rejection = new Rejection(Name, 1, "cannot be read: the file grew while it was read");
            return null;
        }
        if (n > maxBytes)
        {
            rejection = new Rejection(Name, 1, $"over the size limit (more than {maxBytes:N0} bytes)");
            return null;
        }
        var offset = buffer.AsSpan(0, n).StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(buffer, offset, n - offset);
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Clamp(offset + Math.Max(0, ex.Index), 0, n);
            rejection = new Rejection(Name, 1 + buffer.AsSpan(0, at).Count((byte)'\n'), "not UTF-8");
            return null;
        }
    }

    public override XmlReader OpenXml(XmlReaderSettings settings, ReadBudget budget) => XmlReader.Create(new BudgetStream(stream, budget), settings);

    public override int FirstNonBlank()
    {
        var start = stream.Position;
        var buffer = new byte[1 << 16];
        try
        {
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var i = buffer.AsSpan(0, n).IndexOfAnyExcept(Blanks);
                if (i >= 0) return buffer[i];
            }
            return -1;
        }
        finally
        {
            stream.Position = start;
        }
    }

    public override void Dispose() => stream.Dispose();
}

/// <summary>Text already decoded: a request body or standard input.</summary>
internal sealed class TextSource(string name, TextReader reader) : InputSource(name)
{
    private TextReader _reader = reader;

    public override IEnumerable<InputLine> Lines(int maxLineBytes) => InputLines.FromText(_reader, maxLineBytes);

    public override string? ReadAll(int maxBytes, out Rejection? rejection)
    {
        rejection = null;
        var buffer = new char[Math.Min(maxBytes + 1L, 1 << 16)];
        var sb = new StringBuilder();
        int n;
        while (sb.Length <= maxBytes && (n = _reader.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1L - sb.Length))) > 0) sb.Append(buffer, 0, n);
        if (sb.Length > maxBytes || Encoding.UTF8.GetByteCount(sb.ToString()) > maxBytes)
        {
            rejection = new Rejection(Name, 1, $"over the size limit ({maxBytes:N0} bytes)");
            return null;
        }
        if (sb.Length > 0 && sb[0] == '\uFEFF') sb.Remove(0, 1);
        return sb.ToString();
    }

    public override XmlReader OpenXml(XmlReaderSettings settings, ReadBudget budget) => XmlReader.Create(new BudgetTextReader(_reader, budget), settings);

    public override int FirstNonBlank()
    {
        // Blanks read to find it are put back in front of the rest.
        var seen = new StringBuilder();
        int c;
        while (seen.Length < 1 << 16 && (c = _reader.Read()) >= 0)
        {
            seen.Append((char)c);
            if (!char.IsWhiteSpace((char)c) && c != '\uFEFF') break;
        }
        _reader = new PrefixedReader(seen.ToString(), _reader);
        foreach (var ch in seen.ToString()) if (!char.IsWhiteSpace(ch) && ch != '\uFEFF') return ch;
        return -1;
    }

    public override void Dispose() => _reader.Dispose();

    private sealed class PrefixedReader(string prefix, TextReader rest) : TextReader
    {
        private int _at;

        public override int Peek() => _at < prefix.Length ? prefix[_at] : rest.Peek();

        public override int Read() => _at < prefix.Length ? prefix[_at++] : rest.Read();

        public override int Read(char[] buffer, int index, int count)
        {
            if (_at >= prefix.Length) return rest.Read(buffer, index, count);
            var n = Math.Min(count, prefix.Length - _at);
            prefix.CopyTo(_at, buffer, index, n);
            _at += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>How much one part of an input (a feed item) may read; over it, <see cref="InputTooLargeException"/>.</summary>
internal sealed class ReadBudget(long limit)
{
    private long _spent;

    public long Limit => limit;

    /// <summary>Starts a new part.</summary>
    public void Reset() => _spent = 0;

    public void Spend(int n)
    {
        _spent += n;
        if (_spent > limit) throw new InputTooLargeException();
    }
}

/// <summary>A part of an input read past its <see cref="ReadBudget"/>.</summary>
internal sealed class InputTooLargeException : Exception
{
    public InputTooLargeException() : base("Over the size limit.") { }

    public InputTooLargeException(string message) : base(message) { }

    public InputTooLargeException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A read-only stream charging a budget.</summary>
internal sealed class BudgetStream(Stream inner, ReadBudget budget) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, Math.Min(count, 1 << 14));
        budget.Spend(n);
        return n;
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A text reader charging a budget.</summary>
internal sealed class BudgetTextReader(TextReader inner, ReadBudget budget) : TextReader
{
    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0) budget.Spend(1);
        return c;
    }

    public override int Read(char[] buffer, int index, int count)
    {
        var n = inner.Read(buffer, index, Math.Min(count, 1 << 14));
        budget.Spend(n);
        return n;
    }
}
