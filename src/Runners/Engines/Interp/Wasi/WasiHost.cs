using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace WasmBench.Runners.Engines.Interp.Wasi;

/// <summary>
/// WASI preview1 for benchmark workloads, independent of any engine: it works on the guest
/// memory given by <see cref="WasiMemory"/> and plain integer arguments. argv is fixed, the
/// environment is empty, stdout/stderr are captured, fd 3 is <paramref name="preopenDirectory"/>
/// preopened as "." (read-only files; no absolute paths, no "..").
/// </summary>
public sealed partial class WasiHost(IReadOnlyList<string> args, string preopenDirectory, WasiMemory memory)
{
    private const int PreopenFd = 3;

    private readonly MemoryStream _stdout = new();
    private readonly MemoryStream _stderr = new();
    private readonly Dictionary<int, OpenFile> _files = [];
    private readonly string _root = Path.GetFullPath(preopenDirectory);
    private int _nextFd = PreopenFd + 1;

    private sealed class OpenFile(string path, byte[]? content)
    {
        public string Path { get; } = path;

        /// <summary>File bytes, or null for a directory.</summary>
        public byte[]? Content { get; } = content;

        public long Position { get; set; }
    }

    public string Stdout => Encoding.UTF8.GetString(_stdout.GetBuffer(), 0, (int)_stdout.Length);

    public string Stderr => Encoding.UTF8.GetString(_stderr.GetBuffer(), 0, (int)_stderr.Length);

    private Span<byte> Mem => memory();

    private static void U32(Span<byte> m, int ptr, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(m.Slice(ptr, 4), v);

    private static void U64(Span<byte> m, int ptr, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(m.Slice(ptr, 8), v);

    private static uint ReadU32(Span<byte> m, int ptr) => BinaryPrimitives.ReadUInt32LittleEndian(m.Slice(ptr, 4));

    public int ArgsSizesGet(int argcPtr, int bufSizePtr) => StringsSizes(args, argcPtr, bufSizePtr);

    public int ArgsGet(int argvPtr, int bufPtr) => StringsGet(args, argvPtr, bufPtr);

    public int EnvironSizesGet(int countPtr, int bufSizePtr) => StringsSizes([], countPtr, bufSizePtr);

    public int EnvironGet(int environPtr, int bufPtr) => StringsGet([], environPtr, bufPtr);

    private int StringsSizes(IReadOnlyList<string> strings, int countPtr, int sizePtr)
    {
        var m = Mem;
        U32(m, countPtr, (uint)strings.Count);
        U32(m, sizePtr, (uint)strings.Sum(s => Encoding.UTF8.GetByteCount(s) + 1));
        return WasiErrno.Success;
    }

    private int StringsGet(IReadOnlyList<string> strings, int ptrs, int buf)
    {
        var m = Mem;
        foreach (var s in strings)
        {
            U32(m, ptrs, (uint)buf);
            ptrs += 4;
            var n = Encoding.UTF8.GetBytes(s, m[buf..]);
            m[buf + n] = 0;
            buf += n + 1;
        }

        return WasiErrno.Success;
    }

    public int ClockResGet(int id, int resultPtr)
    {
        if (id is < 0 or > 3)
        {
            return WasiErrno.Inval;
        }

        U64(Mem, resultPtr, id == 0 ? 100UL : Math.Max(1UL, 1_000_000_000UL / (ulong)Stopwatch.Frequency));
        return WasiErrno.Success;
    }

    public int ClockTimeGet(int id, long precision, int resultPtr)
    {
        _ = precision;
        ulong ns;
        switch (id)
        {
            case 0:
                ns = (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
                break;
            case 1 or 2 or 3:
                ns = (ulong)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));
                break;
            default:
                return WasiErrno.Inval;
        }

        U64(Mem, resultPtr, ns);
        return WasiErrno.Success;
    }

    public int RandomGet(int buf, int len)
    {
        RandomNumberGenerator.Fill(Mem.Slice(buf, len));
        return WasiErrno.Success;
    }

    public int SchedYield() => WasiErrno.Success;

    public void ProcExit(int code) => throw new WasiExitException(code);
}
