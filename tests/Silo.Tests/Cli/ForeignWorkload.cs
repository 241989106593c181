namespace WasmBench.Silo.Tests.Cli;

/// <summary>
/// A WASI command module this repository has never seen: built from text inside the test,
/// it imports bench.start / bench.end, prints a line computed at run time, and exits.
/// </summary>
public static class ForeignWorkload
{
    private const string Wat = """
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (import "bench" "start" (func $start))
          (import "bench" "end" (func $end))
          (memory (export "memory") 1)
          ;; "sum=" then 4 digits then a newline, at offset 16; the iovec at 0.
          (data (i32.const 16) "sum=0000\n")
          (func $sum (result i32) (local $i i32) (local $acc i32)
            (loop $l
              (local.set $acc (i32.add (local.get $acc) (local.get $i)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_u (local.get $i) (i32.const 100))))
            (local.get $acc))
          (func $digit (param $at i32) (param $value i32)
            (i32.store8 (local.get $at) (i32.add (i32.const 48) (i32.rem_u (local.get $value) (i32.const 10)))))
          (func (export "_start") (local $s i32)
            (call $start)
            (local.set $s (call $sum))
            (call $end)
            (call $digit (i32.const 20) (i32.div_u (local.get $s) (i32.const 1000)))
            (call $digit (i32.const 21) (i32.div_u (local.get $s) (i32.const 100)))
            (call $digit (i32.const 22) (i32.div_u (local.get $s) (i32.const 10)))
            (call $digit (i32.const 23) (local.get $s))
            (i32.store (i32.const 0) (i32.const 16))
            (i32.store (i32.const 4) (i32.const 9))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
        """;

    /// <summary>Writes <c>&lt;folder&gt;/&lt;name&gt;/benchmark.wasm</c> and its expected output ("sum=4950").</summary>
    public static string Create(string folder, string name, string expected = "sum=4950\n")
    {
        var dir = Path.Combine(folder, name);
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "benchmark.wasm"), Wasmtime.Module.ConvertText(Wat));
        File.WriteAllText(Path.Combine(dir, "default.stdout.expected"), expected);
        return dir;
    }
}
