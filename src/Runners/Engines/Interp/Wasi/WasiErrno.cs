namespace WasmBench.Runners.Engines.Interp.Wasi;

/// <summary>The WASI preview1 errno values this host returns.</summary>
public static class WasiErrno
{
    public const int Success = 0;
    public const int Acces = 2;
    public const int Badf = 8;
    public const int Fault = 21;
    public const int Inval = 28;
    public const int Io = 29;
    public const int Isdir = 31;
    public const int Noent = 44;
    public const int Nosys = 52;
    public const int Notdir = 54;
    public const int Perm = 63;
    public const int Rofs = 69;
    public const int Spipe = 70;
    public const int Notcapable = 76;
}

/// <summary>Thrown by <c>proc_exit</c> to unwind the program; the engine turns it into the exit code.</summary>
public sealed class WasiExitException(int code) : Exception($"proc_exit({code})")
{
    public int Code { get; } = code;
}

/// <summary>Gives the host the guest's current linear memory (it may move when it grows).</summary>
public delegate Span<byte> WasiMemory();
