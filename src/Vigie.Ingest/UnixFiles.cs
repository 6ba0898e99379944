using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Vigie.Ingest;

/// <summary>What a path names, as <c>stat</c> says (links followed).</summary>
internal enum FileKind
{
    /// <summary>Nothing: no such file, a broken link, or not allowed to look.</summary>
    Missing,

    /// <summary>A regular file: the only kind read.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A FIFO, socket or device: never read, since reading one may block or never end.</summary>
    Other,
}

/// <summary>The file system through libc, with paths as the bytes the OS gives: .NET's string paths cannot name a file
/// whose name is not UTF-8, nor open a FIFO without blocking, nor say a directory's device and inode.</summary>
internal static class UnixFiles
{
    private const int ENOENT = 2, EACCES = 13;
    private const int O_RDONLY = 0, O_NOCTTY = 0x100, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;

    public static bool Available { get; } = OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>What the path names, and for a directory its device and inode (to visit each directory once).</summary>
    public static FileKind Stat(byte[] path, out (ulong Device, ulong Inode) id, out string? error)
    {
        var buf = new byte[256];
        id = default;
        error = null;
        if (stat(Terminated(path), buf) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            error = errno == ENOENT ? "no such file or folder" : errno == EACCES ? "permission denied" : $"error {errno}";
            return FileKind.Missing;
        }
        id = (BitConverter.ToUInt64(buf, 0), BitConverter.ToUInt64(buf, 8));
        return KindOf(buf);
    }

    /// <summary>Opens a regular file for reading; never blocks (a FIFO swapped in after <see cref="Stat"/> is refused too).</summary>
    public static SafeFileHandle? OpenRegular(byte[] path, out string? error)
    {
        error = null;
        var fd = open(Terminated(path), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            error = errno == ENOENT ? "no such file or folder" : errno == EACCES ? "permission denied" : $"error {errno}";
            return null;
        }
        var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        var buf = new byte[256];
        if (fstat(fd, buf) != 0 || KindOf(buf) != FileKind.Regular)
        {
            handle.Dispose();
            error = "not a regular file";
            return null;
        }
        return handle;
    }

    /// <summary>The names in a directory (not <c>.</c> nor <c>..</c>), as bytes; null when it cannot be listed.</summary>
    public static List<byte[]>? List(byte[] path, out string? error)
    {
        error = null;
        var dir = opendir(Terminated(path));
        if (dir == IntPtr.Zero)
        {
            var errno = Marshal.GetLastPInvokeError();
            error = errno == ENOENT ? "no such file or folder" : errno == EACCES ? "permission denied" : $"error {errno}";
            return null;
        }
        var names = new List<byte[]>();
        try
        {
            IntPtr entry;
            while ((entry = readdir(dir)) != IntPtr.Zero)
            {
                // struct dirent on 64-bit Linux: d_ino (8), d_off (8), d_reclen (2), d_type (1), then the name.
                var name = ReadName(entry + 19);
                if (name is [(byte)'.'] or [(byte)'.', (byte)'.']) continue;
                names.Add(name);
            }
        }
        finally
        {
            _ = closedir(dir);
        }
        return names;
    }

    private static byte[] ReadName(IntPtr p)
    {
        var len = 0;
        while (Marshal.ReadByte(p, len) != 0) len++;
        var name = new byte[len];
        Marshal.Copy(p, name, 0, len);
        return name;
    }

    private static FileKind KindOf(byte[] statBuffer)
    {
        // st_mode follows st_dev, st_ino (and st_nlink on x86-64).
        var mode = BitConverter.ToUInt32(statBuffer, RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16);
        return (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            _ => FileKind.Other,
        };
    }

    private static byte[] Terminated(byte[] path)
    {
        var z = new byte[path.Length + 1];
        path.CopyTo(z, 0);
        return z;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int stat(byte[] path, byte[] buf);

    [DllImport("libc", SetLastError = true)]
    private static extern int fstat(int fd, byte[] buf);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr opendir(byte[] path);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr readdir(IntPtr dir);

    [DllImport("libc")]
    private static extern int closedir(IntPtr dir);
}
