namespace WasmBench.Interpreter.Binary;

/// <summary>The sub-opcodes (LEB128 u32) after the <see cref="Opcode.PrefixGc"/> prefix (3.0, GC).</summary>
internal static class GcOpcode
{
    public const uint StructNew = 0; // struct.new x
    public const uint StructNewDefault = 1; // struct.new_default x
    public const uint StructGet = 2; // struct.get x y
    public const uint StructGetS = 3; // struct.get_s x y
    public const uint StructGetU = 4; // struct.get_u x y
    public const uint StructSet = 5; // struct.set x y
    public const uint ArrayNew = 6; // array.new x
    public const uint ArrayNewDefault = 7; // array.new_default x
    public const uint ArrayNewFixed = 8; // array.new_fixed x n
    public const uint ArrayNewData = 9; // array.new_data x d
    public const uint ArrayNewElem = 10; // array.new_elem x e
    public const uint ArrayGet = 11; // array.get x
    public const uint ArrayGetS = 12; // array.get_s x
    public const uint ArrayGetU = 13; // array.get_u x
    public const uint ArraySet = 14; // array.set x
    public const uint ArrayLen = 15; // array.len
    public const uint ArrayFill = 16; // array.fill x
    public const uint ArrayCopy = 17; // array.copy x y
    public const uint ArrayInitData = 18; // array.init_data x d
    public const uint ArrayInitElem = 19; // array.init_elem x e
    public const uint RefTest = 20; // ref.test (ref ht)
    public const uint RefTestNull = 21; // ref.test (ref null ht)
    public const uint RefCast = 22; // ref.cast (ref ht)
    public const uint RefCastNull = 23; // ref.cast (ref null ht)
    public const uint BrOnCast = 24; // br_on_cast flags l ht1 ht2
    public const uint BrOnCastFail = 25; // br_on_cast_fail flags l ht1 ht2
    public const uint AnyConvertExtern = 26; // any.convert_extern
    public const uint ExternConvertAny = 27; // extern.convert_any
    public const uint RefI31 = 28; // ref.i31
    public const uint I31GetS = 29; // i31.get_s
    public const uint I31GetU = 30; // i31.get_u
}
