using System.Diagnostics;

namespace WasmBench.Interpreter.Tests;

/// <summary>Modules written in WAT, assembled at test time by WABT's real <c>wat2wasm</c>.</summary>
internal static class Wat
{
    public static byte[] Assemble(string wat, params string[] features)
    {
        var folder = Directory.CreateTempSubdirectory("wasmbench-wat-").FullName;
        try
        {
            var source = Path.Combine(folder, "m.wat");
            var output = Path.Combine(folder, "m.wasm");
            File.WriteAllText(source, wat);
            var info = new ProcessStartInfo("wat2wasm") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in features.Select(f => $"--enable-{f}").Concat([source, "-o", output]))
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"wat2wasm: {errors}");
            return File.ReadAllBytes(output);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
