namespace Vigie.Ingest;

/// <summary>One entry of a folder walk: a regular file (its path as the OS gives it, its escaped name), or one that
/// cannot be read and why.</summary>
internal sealed record WalkedFile(byte[] Path, string Name, string? Error, bool IsFolder = false);

/// <summary>Walks folders lazily, files yielded as they are found: each folder's entries in order (by name, a folder
/// as if its name ended in '/', so the order is that of whole paths), each directory entered once whatever the links to
/// it (by device and inode), so link loops end; devices, FIFOs and sockets are left out.</summary>
internal static class FileWalker
{
    public static bool Available => UnixFiles.Available;

    public static IEnumerable<WalkedFile> Walk(byte[] root, (ulong Device, ulong Inode) rootId)
    {
        var visited = new HashSet<(ulong, ulong)> { rootId };
        var stack = new Stack<IEnumerator<(byte[] Path, FileKind Kind, (ulong, ulong) Id, string? Error)>>();
        var first = Entries(root, out var rootError);
        if (first is null) { yield return new WalkedFile(root, InputName.Escape(root), rootError, IsFolder: true); yield break; }
        stack.Push(first.GetEnumerator());
        while (stack.Count > 0)
        {
            var e = stack.Peek();
            if (!e.MoveNext()) { e.Dispose(); stack.Pop(); continue; }
            var (path, kind, id, error) = e.Current;
            switch (kind)
            {
                case FileKind.Directory when visited.Add(id):
                    var entries = Entries(path, out var listError);
                    if (entries is null) yield return new WalkedFile(path, InputName.Escape(path), listError, IsFolder: true);
                    else stack.Push(entries.GetEnumerator());
                    break;
                case FileKind.Regular:
                    yield return new WalkedFile(path, InputName.Escape(path), null);
                    break;
                case FileKind.Other:
                    yield return new WalkedFile(path, InputName.Escape(path), "not a regular file (a device, FIFO or socket is never read)");
                    break;
                case FileKind.Missing:
                    yield return new WalkedFile(path, InputName.Escape(path), error);
                    break;
            }
        }
    }

    private static List<(byte[] Path, FileKind Kind, (ulong, ulong) Id, string? Error)>? Entries(byte[] dir, out string? error)
    {
        var names = UnixFiles.List(dir, out error);
        if (names is null) return null;
        var entries = new List<(byte[] Key, (byte[] Path, FileKind Kind, (ulong, ulong) Id, string? Error) Entry)>(names.Count);
        foreach (var name in names)
        {
            var path = Join(dir, name);
            var kind = UnixFiles.Stat(path, out var id, out var statError);
            entries.Add((kind == FileKind.Directory ? [.. name, (byte)'/'] : name, (path, kind, id, statError)));
        }
        entries.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        return [.. entries.Select(x => x.Entry)];
    }

    private static byte[] Join(byte[] dir, byte[] name) => dir.Length > 0 && dir[^1] == '/' ? [.. dir, .. name] : [.. dir, (byte)'/', .. name];

    /// <summary>The same walk with .NET's API (names must be UTF-8 there), each directory once by its resolved path.</summary>
    public static IEnumerable<string> WalkManaged(string root)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<IEnumerator<FileSystemInfo>>();
        static IEnumerator<FileSystemInfo> List(DirectoryInfo d)
        {
            try { return d.EnumerateFileSystemInfos().OrderBy(i => i is DirectoryInfo ? i.Name + "/" : i.Name, StringComparer.Ordinal).ToList().GetEnumerator(); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return Enumerable.Empty<FileSystemInfo>().GetEnumerator(); }
        }
        string Real(DirectoryInfo d) => d.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? d.FullName;
        var top = new DirectoryInfo(root);
        visited.Add(Real(top));
        stack.Push(List(top));
        while (stack.Count > 0)
        {
            var e = stack.Peek();
            if (!e.MoveNext()) { e.Dispose(); stack.Pop(); continue; }
            if (e.Current is DirectoryInfo d) { if (visited.Add(Real(d))) stack.Push(List(d)); }
            else if (e.Current is FileInfo f && (f.Attributes & (FileAttributes.Device | FileAttributes.Directory)) == 0) yield return Path.Join(root, Path.GetRelativePath(root, f.FullName));
        }
    }
}
