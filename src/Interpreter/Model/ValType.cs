namespace WasmBench.Interpreter.Model;

/// <summary>Value types by their binary encoding; <see cref="Unknown"/> is the validator's bottom type.</summary>
public enum ValType : byte
{
    Unknown = 0,
    I32 = 0x7F,
    I64 = 0x7E,
    F32 = 0x7D,
    F64 = 0x7C,
    V128 = 0x7B,
    FuncRef = 0x70,
    ExternRef = 0x6F,
}

internal static class ValTypes
{
    public static bool IsRef(this ValType t) => t is ValType.FuncRef or ValType.ExternRef;

    public static bool IsNum(this ValType t) => t is ValType.I32 or ValType.I64 or ValType.F32 or ValType.F64;

    public static string Name(this ValType t) => t switch
    {
        ValType.I32 => "i32",
        ValType.I64 => "i64",
        ValType.F32 => "f32",
        ValType.F64 => "f64",
        ValType.V128 => "v128",
        ValType.FuncRef => "funcref",
        ValType.ExternRef => "externref",
        _ => "unknown",
    };
}

/// <summary>A function signature; equal signatures compare equal structurally.</summary>
public sealed class FuncType(ValType[] parameters, ValType[] results) : IEquatable<FuncType>
{
    public ValType[] Params { get; } = parameters;

    public ValType[] Results { get; } = results;

    public bool Equals(FuncType? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Params.AsSpan().SequenceEqual(other.Params) && Results.AsSpan().SequenceEqual(other.Results)));

    public override bool Equals(object? obj) => Equals(obj as FuncType);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var p in Params)
        {
            h.Add(p);
        }

        h.Add(-1);
        foreach (var r in Results)
        {
            h.Add(r);
        }

        return h.ToHashCode();
    }

    public override string ToString() =>
        $"[{string.Join(' ', Params.Select(p => p.Name()))}] -> [{string.Join(' ', Results.Select(p => p.Name()))}]";
}
