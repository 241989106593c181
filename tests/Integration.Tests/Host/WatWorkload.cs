using System.Diagnostics;
using System.Text;

namespace WasmBench.Integration.Tests.Host;

/// <summary>Workload folders made at test time: a WASI command from WAT, assembled by WABT's real <c>wat2wasm</c>.</summary>
internal static class WatWorkload
{
    /// <summary>A folder holding <c>benchmark.wasm</c> that prints <paramref name="stdout"/>, and the output it is expected to print.</summary>
    public static string Printing(string folder, string stdout, string expected)
    {
        Directory.CreateDirectory(folder);
        var bytes = Encoding.UTF8.GetBytes(stdout);
        var data = string.Concat(bytes.Select(b => $"\\{b:x2}"));
        Assemble(Path.Combine(folder, "benchmark.wasm"), $$"""
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 64) "{{data}}")
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 64))
                (i32.store (i32.const 4) (i32.const {{bytes.Length}}))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
            """);
        File.WriteAllText(Path.Combine(folder, "default.stdout.expected"), expected);
        return folder;
    }

    public static void Assemble(string output, string wat)
    {
        var source = output + ".wat";
        File.WriteAllText(source, wat);
        var info = new ProcessStartInfo("wat2wasm") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { source, "-o", output })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"wat2wasm: {errors}");
        File.Delete(source);
    }
}
