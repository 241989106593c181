using System.Buffers.Binary;

namespace WasmBench.Runners.Engines.Interp.Wasi;

public sealed partial class WasiHost
{
    private const byte FiletypeCharacterDevice = 2;
    private const byte FiletypeDirectory = 3;
    private const byte FiletypeRegularFile = 4;

    public int FdWrite(int fd, int iovs, int iovsLen, int nwrittenPtr)
    {
        var target = fd switch
        {
            1 => _stdout,
            2 => _stderr,
            _ => null,
        };
        if (target is null)
        {
            return WasiErrno.Badf;
        }

        var m = Mem;
        uint total = 0;
        for (var i = 0; i < iovsLen; i++)
        {
            var ptr = (int)ReadU32(m, iovs + (i * 8));
            var len = (int)ReadU32(m, iovs + (i * 8) + 4);
            target.Write(m.Slice(ptr, len));
            total += (uint)len;
        }

        U32(m, nwrittenPtr, total);
        return WasiErrno.Success;
    }

    public int FdRead(int fd, int iovs, int iovsLen, int nreadPtr)
    {
        var m = Mem;
        if (fd == 0)
        {
            U32(m, nreadPtr, 0);
            return WasiErrno.Success;
        }

        if (!_files.TryGetValue(fd, out var f))
        {
            return WasiErrno.Badf;
        }

        if (f.Content is null)
        {
            return WasiErrno.Isdir;
        }

        uint total = 0;
        for (var i = 0; i < iovsLen; i++)
        {
            var ptr = (int)ReadU32(m, iovs + (i * 8));
            var len = (int)ReadU32(m, iovs + (i * 8) + 4);
            var n = (int)Math.Max(0, Math.Min(len, f.Content.Length - f.Position));
            f.Content.AsSpan((int)f.Position, n).CopyTo(m.Slice(ptr, len));
            f.Position += n;
            total += (uint)n;
            if (n < len)
            {
                break;
            }
        }

        U32(m, nreadPtr, total);
        return WasiErrno.Success;
    }

    public int FdClose(int fd) => _files.Remove(fd) ? WasiErrno.Success : fd is >= 0 and <= PreopenFd ? WasiErrno.Success : WasiErrno.Badf;

    public int FdSeek(int fd, long offset, int whence, int newOffsetPtr)
    {
        if (fd is >= 0 and <= 2)
        {
            return WasiErrno.Spipe;
        }

        if (!_files.TryGetValue(fd, out var f) || f.Content is null)
        {
            return WasiErrno.Badf;
        }

        var basePos = whence switch
        {
            0 => 0,
            1 => f.Position,
            2 => f.Content.Length,
            _ => -1,
        };
        if (basePos < 0 || basePos + offset < 0)
        {
            return WasiErrno.Inval;
        }

        f.Position = basePos + offset;
        U64(Mem, newOffsetPtr, (ulong)f.Position);
        return WasiErrno.Success;
    }

    public int FdFdstatGet(int fd, int bufPtr)
    {
        byte type;
        if (fd is >= 0 and <= 2)
        {
            type = FiletypeCharacterDevice;
        }
        else if (fd == PreopenFd)
        {
            type = FiletypeDirectory;
        }
        else if (_files.TryGetValue(fd, out var f))
        {
            type = f.Content is null ? FiletypeDirectory : FiletypeRegularFile;
        }
        else
        {
            return WasiErrno.Badf;
        }

        var m = Mem.Slice(bufPtr, 24);
        m.Clear();
        m[0] = type;
        BinaryPrimitives.WriteUInt64LittleEndian(m[8..], ulong.MaxValue);
        BinaryPrimitives.WriteUInt64LittleEndian(m[16..], ulong.MaxValue);
        return WasiErrno.Success;
    }

    public int FdFdstatSetFlags(int fd, int flags)
    {
        _ = flags;
        return fd is >= 0 and <= PreopenFd || _files.ContainsKey(fd) ? WasiErrno.Success : WasiErrno.Badf;
    }

    public int FdPrestatGet(int fd, int bufPtr)
    {
        if (fd != PreopenFd)
        {
            return WasiErrno.Badf;
        }

        var m = Mem;
        U32(m, bufPtr, 0);
        U32(m, bufPtr + 4, 1);
        return WasiErrno.Success;
    }

    public int FdPrestatDirName(int fd, int pathPtr, int pathLen)
    {
        if (fd != PreopenFd)
        {
            return WasiErrno.Badf;
        }

        if (pathLen < 1)
        {
            return WasiErrno.Inval;
        }

        Mem[pathPtr] = (byte)'.';
        return WasiErrno.Success;
    }

    public int FdFilestatGet(int fd, int bufPtr)
    {
        if (fd is >= 0 and <= 2)
        {
            WriteFilestat(bufPtr, FiletypeCharacterDevice, 0, DateTime.UnixEpoch);
            return WasiErrno.Success;
        }

        var path = fd == PreopenFd ? _root : _files.TryGetValue(fd, out var f) ? f.Path : null;
        return path is null ? WasiErrno.Badf : Stat(path, bufPtr);
    }

    public int PathFilestatGet(int fd, int flags, int pathPtr, int pathLen, int bufPtr)
    {
        _ = flags;
        var (errno, full) = Resolve(fd, pathPtr, pathLen);
        return errno != WasiErrno.Success ? errno : Stat(full!, bufPtr);
    }

    public int PathOpen(int fd, int dirflags, int pathPtr, int pathLen, int oflags, long rightsBase, long rightsInheriting, int fdflags, int fdPtr)
    {
        _ = (dirflags, rightsBase, rightsInheriting);
        var (errno, full) = Resolve(fd, pathPtr, pathLen);
        if (errno != WasiErrno.Success)
        {
            return errno;
        }

        // O_CREAT, O_EXCL, O_TRUNC or append/sync flags would write: the preopen is read-only.
        if ((oflags & (1 | 4 | 8)) != 0 || (fdflags & 1) != 0)
        {
            return WasiErrno.Rofs;
        }

        OpenFile file;
        if (Directory.Exists(full))
        {
            file = new OpenFile(full!, null);
        }
        else if ((oflags & 2) != 0)
        {
            return File.Exists(full) ? WasiErrno.Notdir : WasiErrno.Noent;
        }
        else if (File.Exists(full))
        {
            try
            {
                file = new OpenFile(full!, File.ReadAllBytes(full!));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return WasiErrno.Acces;
            }
        }
        else
        {
            return WasiErrno.Noent;
        }

        var newFd = _nextFd++;
        _files[newFd] = file;
        U32(Mem, fdPtr, (uint)newFd);
        return WasiErrno.Success;
    }

    /// <summary>Resolves a guest path relative to a directory fd, refusing escapes from the preopen.</summary>
    private (int Errno, string? Path) Resolve(int dirFd, int pathPtr, int pathLen)
    {
        string dir;
        if (dirFd == PreopenFd)
        {
            dir = _root;
        }
        else if (_files.TryGetValue(dirFd, out var d) && d.Content is null)
        {
            dir = d.Path;
        }
        else
        {
            return (WasiErrno.Badf, null);
        }

        var path = System.Text.Encoding.UTF8.GetString(Mem.Slice(pathPtr, pathLen));
        if (path.StartsWith('/') || path.Split('/').Contains(".."))
        {
            return (WasiErrno.Notcapable, null);
        }

        var full = InsidePreopen(Path.GetRelativePath(_root, dir), path);
        return full is null ? (WasiErrno.Notcapable, null) : (WasiErrno.Success, full);
    }

    /// <summary>
    /// Resolves <paramref name="path"/> from <paramref name="start"/> (both below the preopen) one
    /// component at a time, following symbolic links only while they stay inside: an absolute link,
    /// a <c>..</c> above the preopen, or more than 40 links is refused (null), as Wasmtime does.
    /// </summary>
    private string? InsidePreopen(string start, string path)
    {
        var below = new List<string>(start == "." ? [] : start.Split(Path.DirectorySeparatorChar));
        var pending = new Queue<string>(path.Split('/'));
        var links = 0;
        while (pending.TryDequeue(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (below.Count == 0)
                {
                    return null;
                }

                below.RemoveAt(below.Count - 1);
                continue;
            }

            var candidate = Path.Combine([_root, .. below, part]);
            if (new FileInfo(candidate).LinkTarget is not { } target)
            {
                below.Add(part);
                continue;
            }

            if (++links > 40 || Path.IsPathRooted(target))
            {
                return null;
            }

            // The link's target, read from the link's own folder, then what followed the link.
            pending = new Queue<string>(target.Split('/').Concat(pending));
        }

        return Path.Combine([_root, .. below]);
    }

    private int Stat(string path, int bufPtr)
    {
        if (Directory.Exists(path))
        {
            WriteFilestat(bufPtr, FiletypeDirectory, 0, Directory.GetLastWriteTimeUtc(path));
            return WasiErrno.Success;
        }

        if (File.Exists(path))
        {
            var info = new FileInfo(path);
            WriteFilestat(bufPtr, FiletypeRegularFile, (ulong)info.Length, info.LastWriteTimeUtc);
            return WasiErrno.Success;
        }

        return WasiErrno.Noent;
    }

    private void WriteFilestat(int bufPtr, byte type, ulong size, DateTime mtime)
    {
        var m = Mem.Slice(bufPtr, 64);
        m.Clear();
        m[16] = type;
        BinaryPrimitives.WriteUInt64LittleEndian(m[24..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(m[32..], size);
        var ns = (ulong)Math.Max(0, (mtime - DateTime.UnixEpoch).Ticks) * 100;
        BinaryPrimitives.WriteUInt64LittleEndian(m[40..], ns);
        BinaryPrimitives.WriteUInt64LittleEndian(m[48..], ns);
        BinaryPrimitives.WriteUInt64LittleEndian(m[56..], ns);
    }
}
