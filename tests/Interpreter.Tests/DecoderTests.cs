using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Tests;

public sealed class DecoderTests
{
    private static WasmErrorKind? ErrorOf(byte[] bytes) => WasmEngine.Compile(bytes).Error;

    [Fact]
    public void Valid_module_compiles()
    {
        var outcome = WasmEngine.Compile(TestModules.Arithmetic());
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    [Fact]
    public void Bad_magic_is_malformed() =>
        Assert.Equal(WasmErrorKind.Malformed, ErrorOf([0x00, 0x61, 0x73, 0x6E, 1, 0, 0, 0]));

    [Fact]
    public void Bad_version_is_malformed() =>
        Assert.Equal(WasmErrorKind.Malformed, ErrorOf([0x00, 0x61, 0x73, 0x6D, 2, 0, 0, 0]));

    [Fact]
    public void Truncated_module_is_malformed()
    {
        var bytes = TestModules.Arithmetic();
        Assert.Equal(WasmErrorKind.Malformed, ErrorOf(bytes[..^3]));
    }

    [Fact]
    public void Overlong_leb128_is_malformed()
    {
        // Type section whose size is a 6-byte LEB128.
        byte[] bytes = [0x00, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 0x01, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00, 0x00];
        var outcome = WasmEngine.Compile(bytes);
        Assert.Equal(WasmErrorKind.Malformed, outcome.Error);
    }

    [Fact]
    public void Sections_out_of_order_are_malformed()
    {
        // A memory section (5) before a type section (1).
        byte[] bytes = [0x00, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 0x05, 0x03, 0x01, 0x00, 0x01, 0x01, 0x01, 0x00];
        Assert.Equal(WasmErrorKind.Malformed, ErrorOf(bytes));
    }

    [Fact]
    public void Custom_sections_are_kept()
    {
        byte[] bytes = [0x00, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 0x00, 0x05, 0x04, (byte)'n', (byte)'o', (byte)'t', (byte)'e'];
        var outcome = WasmEngine.Compile(bytes);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(["note"], outcome.Module!.CustomSectionNames);
    }

    [Fact]
    public void Reserved_simd_opcode_is_malformed()
    {
        var b = new ModuleBuilder();
        var t = b.Type([], []);
        b.Func(t, [], 0xFD, 0x9A, 0x01, 0x0B);
        Assert.Equal(WasmErrorKind.Malformed, ErrorOf(b.Build()));
    }

    [Fact]
    public void V128_value_type_is_accepted()
    {
        var b = new ModuleBuilder();
        b.Type([ValType.V128], []);
        Assert.True(WasmEngine.Compile(b.Build()).Succeeded);
    }

    [Fact]
    public void Illegal_opcode_is_malformed()
    {
        var b = new ModuleBuilder();
        var t = b.Type([], []);
        b.Func(t, [], 0xFF, 0x0B);
        Assert.Equal(WasmErrorKind.Malformed, ErrorOf(b.Build()));
    }
}
