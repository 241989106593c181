using WasmBench.Abstractions;

namespace WasmBench.Runners.Wast;

/// <summary>
/// Converts text modules to binary with Wasmtime's text parser (the <c>wat</c> crate), so the
/// engine under test only ever sees bytes. Results, not exceptions: a rejected text gives the
/// converter's message.
/// </summary>
public static class WatConverter
{
    public static Result<byte[]> Convert(string text)
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
}
