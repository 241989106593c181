namespace WasmBench.Runners.Conformance;

/// <summary>The kind of a WebAssembly value as it crosses the conformance boundary.</summary>
public enum ValueKind
{
    I32,
    I64,
    F32,
    F64,
    V128,
    Ref,
}

/// <summary>The heap type (or class) of a reference value.</summary>
public enum RefKind
{
    Func,
    Extern,
    Any,
    Eq,
    I31,
    Struct,
    Array,
    Exn,
    None,
    NoFunc,
    NoExtern,
    NoExn,
}

/// <summary>
/// A WebAssembly value with exact bits: integers and floats in <see cref="Lo"/> (floats as raw
/// IEEE bits, so NaN payloads and signed zeros survive), v128 in <see cref="Lo"/>/<see cref="Hi"/>
/// (little-endian lanes), references as <see cref="RefKind"/> + null flag + host identity
/// (<c>ref.extern N</c> has <see cref="HostId"/> N).
/// </summary>
public readonly record struct WasmValue(
    ValueKind Kind,
    ulong Lo,
    ulong Hi = 0,
    RefKind RefKind = RefKind.Func,
    bool IsNull = false,
    long HostId = -1)
{
    public static WasmValue I32(int v) => new(ValueKind.I32, (uint)v);

    public static WasmValue I64(long v) => new(ValueKind.I64, (ulong)v);

    public static WasmValue F32Bits(uint bits) => new(ValueKind.F32, bits);

    public static WasmValue F64Bits(ulong bits) => new(ValueKind.F64, bits);

    public static WasmValue V128(ulong lo, ulong hi) => new(ValueKind.V128, lo, hi);

    public static WasmValue Null(RefKind heapType) => new(ValueKind.Ref, 0, 0, heapType, IsNull: true);

    public static WasmValue Extern(long hostId) => new(ValueKind.Ref, 0, 0, RefKind.Extern, HostId: hostId);

    public override string ToString() => Kind switch
    {
        ValueKind.I32 => $"i32:{(int)(uint)Lo}",
        ValueKind.I64 => $"i64:{(long)Lo}",
        ValueKind.F32 => $"f32:{BitConverter.UInt32BitsToSingle((uint)Lo)} (0x{(uint)Lo:x8})",
        ValueKind.F64 => $"f64:{BitConverter.UInt64BitsToDouble(Lo)} (0x{Lo:x16})",
        ValueKind.V128 => $"v128:0x{Hi:x16}{Lo:x16}",
        _ when IsNull => $"ref.null {RefKind.ToString().ToLowerInvariant()}",
        _ when HostId >= 0 => $"ref.{RefKind.ToString().ToLowerInvariant()} {HostId}",
        _ => $"ref.{RefKind.ToString().ToLowerInvariant()}",
    };
}
