using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Tests;

public sealed class ValidatorTests
{
    private static (WasmErrorKind? Error, string? Message) Check(ValType[] ps, ValType[] rs, params byte[] body)
    {
        var b = new ModuleBuilder();
        var t = b.Type(ps, rs);
        b.Func(t, [], body);
        var outcome = WasmEngine.Compile(b.Build());
        return (outcome.Error, outcome.Message);
    }

    [Fact]
    public void Operand_type_mismatch_is_invalid()
    {
        // i32.add on an i64 and an i32.
        var (error, message) = Check([], [ValType.I32], 0x42, 1, 0x41, 1, 0x6A, 0x0B);
        Assert.Equal(WasmErrorKind.Invalid, error);
        Assert.StartsWith("type mismatch", message);
    }

    [Fact]
    public void Missing_result_is_invalid() =>
        Assert.Equal(WasmErrorKind.Invalid, Check([], [ValType.I32], 0x0B).Error);

    [Fact]
    public void Unknown_local_is_invalid() =>
        Assert.Equal(WasmErrorKind.Invalid, Check([], [], 0x20, 3, 0x1A, 0x0B).Error);

    [Fact]
    public void Unknown_label_is_invalid() =>
        Assert.Equal(WasmErrorKind.Invalid, Check([], [], 0x0C, 2, 0x0B).Error);

    [Fact]
    public void Unreachable_code_is_polymorphic()
    {
        // unreachable; i32.add; drop is valid.
        var (error, message) = Check([], [], 0x00, 0x6A, 0x1A, 0x0B);
        Assert.Null(error);
        Assert.Null(message);
    }

    [Fact]
    public void Undeclared_function_reference_is_invalid()
    {
        // ref.func 0 inside function 0 without an elem segment or export declaring it.
        var (error, _) = Check([], [], 0xD2, 0, 0x1A, 0x0B);
        Assert.Equal(WasmErrorKind.Invalid, error);
    }

    [Fact]
    public void Memory_instruction_without_memory_is_invalid() =>
        Assert.Equal(WasmErrorKind.Invalid, Check([], [ValType.I32], 0x3F, 0, 0x0B).Error);

    [Fact]
    public void Alignment_larger_than_natural_is_invalid()
    {
        var b = new ModuleBuilder();
        var t = b.Type([], [ValType.I32]);
        b.Memory(1);
        b.Func(t, [], 0x41, 0, 0x28, 3, 0, 0x0B);
        Assert.Equal(WasmErrorKind.Invalid, WasmEngine.Compile(b.Build()).Error);
    }
}
