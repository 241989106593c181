using System.Diagnostics;
using WasmBench.Abstractions;

namespace WasmBench.Runners.Wast;

/// <summary>Which text-to-binary converter a script's text modules go through.</summary>
public enum TextConverter
{
    /// <summary>Wasmtime's text parser (the <c>wat</c> crate), in-process: the default.</summary>
    Wasmtime,

    /// <summary>
    /// WABT's <c>wat2wasm</c> (Debian <c>wabt</c>) with every feature it knows and without its own
    /// validation (<c>--no-check</c>: the engine decides what is invalid), a child process per
    /// module: for scripts Wasmtime's parser cannot read, such as the legacy exception
    /// instructions (<c>try</c>, <c>catch</c>, <c>delegate</c>, <c>rethrow</c>) of <c>legacy/</c>.
    /// </summary>
    Wabt,
}

/// <summary>
/// Converts text modules to binary, so the engine under test only ever sees bytes. Results, not
/// exceptions: a rejected text gives the converter's message.
/// </summary>
public static class WatConverter
{
    private static readonly TimeSpan WabtTimeout = TimeSpan.FromSeconds(60);

    public static Result<byte[]> Convert(string text, TextConverter converter = TextConverter.Wasmtime) =>
        converter == TextConverter.Wabt ? ConvertWithWabt(text) : ConvertWithWasmtime(text);

    private static Result<byte[]> ConvertWithWasmtime(string text)
    {
        try
        {
            return Result<byte[]>.Success(global::Wasmtime.Module.ConvertText(text));
        }
        catch (global::Wasmtime.WasmtimeException e)
        {
            return Result<byte[]>.Failure(e.Message);
        }
    }

    private static Result<byte[]> ConvertWithWabt(string text)
    {
        var folder = Directory.CreateTempSubdirectory("wasmbench-wat2wasm-").FullName;
        try
        {
            var source = Path.Combine(folder, "module.wat");
            var output = Path.Combine(folder, "module.wasm");
            File.WriteAllText(source, text);
            var info = new ProcessStartInfo("wat2wasm") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { "--enable-all", "--no-check", source, "-o", output })
            {
                info.ArgumentList.Add(arg);
            }

            Process? process;
            try
            {
                process = Process.Start(info);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                return Result<byte[]>.Failure($"WABT's wat2wasm is not available (sudo apt-get install -y wabt): {e.Message}");
            }

            using (process)
            {
                var errors = process!.StandardError.ReadToEndAsync();
                _ = process.StandardOutput.ReadToEndAsync();
                if (!process.WaitForExit(WabtTimeout))
                {
                    process.Kill(entireProcessTree: true);
                    return Result<byte[]>.Failure($"wat2wasm did not finish within {WabtTimeout.TotalSeconds:0} s");
                }

                return process.ExitCode == 0
                    ? Result<byte[]>.Success(File.ReadAllBytes(output))
                    : Result<byte[]>.Failure($"wat2wasm: {errors.Result.Trim()}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
