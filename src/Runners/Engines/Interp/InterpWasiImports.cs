using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;
using WasmBench.Runners.Engines.Interp.Wasi;
using WasmBench.Runners.Engines.Wasmtime;

namespace WasmBench.Runners.Engines.Interp;

/// <summary>Binds <see cref="WasiHost"/> and the bench markers to interpreter host functions.</summary>
internal static class InterpWasiImports
{
    public const string WasiModule = "wasi_snapshot_preview1";

    private delegate int Call(WasiHost h, ReadOnlySpan<ulong> a);

    private static int I(ReadOnlySpan<ulong> a, int i) => (int)(uint)a[i];

    private static readonly Dictionary<string, Call> Functions = new(StringComparer.Ordinal)
    {
        ["args_get"] = (h, a) => h.ArgsGet(I(a, 0), I(a, 1)),
        ["args_sizes_get"] = (h, a) => h.ArgsSizesGet(I(a, 0), I(a, 1)),
        ["environ_get"] = (h, a) => h.EnvironGet(I(a, 0), I(a, 1)),
        ["environ_sizes_get"] = (h, a) => h.EnvironSizesGet(I(a, 0), I(a, 1)),
        ["clock_res_get"] = (h, a) => h.ClockResGet(I(a, 0), I(a, 1)),
        ["clock_time_get"] = (h, a) => h.ClockTimeGet(I(a, 0), (long)a[1], I(a, 2)),
        ["random_get"] = (h, a) => h.RandomGet(I(a, 0), I(a, 1)),
        ["fd_write"] = (h, a) => h.FdWrite(I(a, 0), I(a, 1), I(a, 2), I(a, 3)),
        ["fd_read"] = (h, a) => h.FdRead(I(a, 0), I(a, 1), I(a, 2), I(a, 3)),
        ["fd_close"] = (h, a) => h.FdClose(I(a, 0)),
        ["fd_seek"] = (h, a) => h.FdSeek(I(a, 0), (long)a[1], I(a, 2), I(a, 3)),
        ["fd_fdstat_get"] = (h, a) => h.FdFdstatGet(I(a, 0), I(a, 1)),
        ["fd_fdstat_set_flags"] = (h, a) => h.FdFdstatSetFlags(I(a, 0), I(a, 1)),
        ["fd_prestat_get"] = (h, a) => h.FdPrestatGet(I(a, 0), I(a, 1)),
        ["fd_prestat_dir_name"] = (h, a) => h.FdPrestatDirName(I(a, 0), I(a, 1), I(a, 2)),
        ["fd_filestat_get"] = (h, a) => h.FdFilestatGet(I(a, 0), I(a, 1)),
        ["path_open"] = (h, a) => h.PathOpen(I(a, 0), I(a, 1), I(a, 2), I(a, 3), I(a, 4), (long)a[5], (long)a[6], I(a, 7), I(a, 8)),
        ["path_filestat_get"] = (h, a) => h.PathFilestatGet(I(a, 0), I(a, 1), I(a, 2), I(a, 3), I(a, 4)),
        ["sched_yield"] = (h, _) => h.SchedYield(),
    };

    /// <summary>
    /// Makes the resolver for <paramref name="module"/>'s imports: WASI functions (unknown ones
    /// answer ENOSYS with the imported signature), <c>bench.start</c>/<c>bench.end</c>.
    /// </summary>
    public static ImportResolver Create(Store store, WasmModule module, WasiHost wasi, BenchMarkers markers)
    {
        var values = new Dictionary<(string, string), ExternValue>();
        foreach (var imp in module.Imports)
        {
            if (imp.Kind != ExternKind.Func)
            {
                continue;
            }

            var type = module.Types[(int)imp.FuncTypeIndex];
            HostFunction? host = (imp.Module, imp.Name) switch
            {
                ("bench", "start") => (_, _) => markers.Start(),
                ("bench", "end") => (_, _) => markers.End(),
                (WasiModule, "proc_exit") => (a, _) => wasi.ProcExit((int)(uint)a[0]),
                (WasiModule, var name) when Functions.TryGetValue(name, out var call) => (a, r) => Result(r, Guard(wasi, a, call)),
                (WasiModule, _) => (_, r) => Result(r, WasiErrno.Nosys),
                _ => null,
            };
            if (host is not null)
            {
                values[(imp.Module, imp.Name)] = new ExternValue(ExternKind.Func, store.CreateHostFunction(type, host));
            }
        }

        return (m, n) => values.TryGetValue((m, n), out var v) ? v : null;
    }

    private static int Guard(WasiHost wasi, ReadOnlySpan<ulong> a, Call call)
    {
        try
        {
            return call(wasi, a);
        }
        catch (ArgumentOutOfRangeException)
        {
            return WasiErrno.Fault;
        }
    }

    private static void Result(Span<ulong> results, int errno)
    {
        if (results.Length > 0)
        {
            results[0] = (uint)errno;
        }
    }
}
