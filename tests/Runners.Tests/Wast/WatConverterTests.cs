using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Wast;

/// <summary>The two text converters: Wasmtime's parser, and WABT's wat2wasm for the legacy exception instructions.</summary>
public sealed class WatConverterTests
{
    private const string LegacyTry = """
        (module (tag $e (param i32))
          (func (export "f") (result i32)
            (try (result i32) (do (i32.const 7) (throw $e)) (catch $e) (catch_all (i32.const 0)))))
        """;

    [Fact]
    public void Wasmtime_cannot_read_a_legacy_try_and_wabt_converts_it()
    {
        var wasmtime = WatConverter.Convert(LegacyTry);
        var wabt = WatConverter.Convert(LegacyTry, TextConverter.Wabt);

        Assert.False(wasmtime.Succeeded);
        Assert.True(wabt.Succeeded, wabt.Error);
        // The code holds try (0x06), catch (0x07) with tag 0 and catch_all (0x19).
        Assert.Equal([0x00, 0x61, 0x73, 0x6D], wabt.Value.Take(4));
        Assert.True(ContainsSequence(wabt.Value, [0x06, 0x7F]), "no try with an i32 result");
        Assert.True(ContainsSequence(wabt.Value, [0x07, 0x00]), "no catch of tag 0");
        Assert.Contains((byte)0x19, wabt.Value);
    }

    [Fact]
    public void Wabt_leaves_validation_to_the_engine_and_reports_a_syntax_error()
    {
        // Invalid (the try's result is missing) but well-formed: converted, for the engine to reject.
        var invalid = WatConverter.Convert("(module (func (result i32) (try (do))))", TextConverter.Wabt);
        var malformed = WatConverter.Convert("(module (func (try (do) (catch_all) (nonsense))))", TextConverter.Wabt);

        Assert.True(invalid.Succeeded, invalid.Error);
        Assert.False(malformed.Succeeded);
        Assert.StartsWith("wat2wasm:", malformed.Error);
    }

    private static bool ContainsSequence(byte[] bytes, byte[] sequence) =>
        Enumerable.Range(0, bytes.Length - sequence.Length + 1).Any(i => bytes.AsSpan(i, sequence.Length).SequenceEqual(sequence));
}
