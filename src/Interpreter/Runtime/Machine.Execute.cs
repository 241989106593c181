using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WasmBench.Interpreter.Runtime;

internal sealed unsafe partial class Machine
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float F32(ulong v) => BitConverter.Int32BitsToSingle((int)v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double F64(ulong v) => BitConverter.Int64BitsToDouble((long)v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(float v) => (uint)BitConverter.SingleToInt32Bits(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(double v) => (ulong)BitConverter.DoubleToInt64Bits(v);

    /// <summary>
    /// The dispatch loop: runs <paramref name="entry"/> (arguments already at
    /// <paramref name="entryFp"/>) to completion; results are left at entryFp.
    /// </summary>
    private void Execute(FunctionInstance entry, int entryFp)
    {
        var s = _s;
        var baseDepth = _depth;
        var func = entry;
        var fn = func.GetCode();
        var fp = entryFp;
        if (_depth >= _frames.Length - 1)
        {
            throw Exhausted();
        }

        if (fp + fn.MaxHeight >= _stack.Length)
        {
            throw Exhausted();
        }

        new Span<ulong>(s + fp + fn.NumParams, fn.NumLocals - fn.NumParams).Clear();
        var sp = fp + fn.NumLocals;
        _frames[_depth++] = new Frame { Func = func, Fp = fp };
        var code = fn.CodePtr;
        var pc = 0;
        var inst = func.Module!;
        var mem = inst.Memory?.Data ?? [];
        var globals = inst.Globals;
        FunctionInstance callee;

        while (true)
        {
            switch (code[pc++])
            {
                case Op.Unreachable:
                    throw Trap("unreachable");
                case Op.LoopHeader:
                    if (--_fuel < 0)
                    {
                        Refuel();
                    }

                    break;
                case Op.BrMove:
                {
                    var arity = code[pc + 1];
                    var dest = fp + code[pc + 2];
                    for (var i = 0; i < arity; i++)
                    {
                        s[dest + i] = s[sp - arity + i];
                    }

                    sp = dest + arity;
                    pc = code[pc];
                    break;
                }

                case Op.BrIfMove:
                    if ((uint)s[--sp] != 0)
                    {
                        var arity = code[pc + 1];
                        var dest = fp + code[pc + 2];
                        for (var i = 0; i < arity; i++)
                        {
                            s[dest + i] = s[sp - arity + i];
                        }

                        sp = dest + arity;
                        pc = code[pc];
                    }
                    else
                    {
                        pc += 3;
                    }

                    break;
                case Op.JumpIfZero:
                    pc = (uint)s[--sp] == 0 ? code[pc] : pc + 1;
                    break;
                case Op.Jump:
                    pc = code[pc];
                    break;
                case Op.BrIf:
                    pc = (uint)s[--sp] != 0 ? code[pc] : pc + 1;
                    break;
                case Op.BrTable:
                {
                    var count = (uint)code[pc];
                    var arity = code[pc + 1];
                    var i = (uint)s[--sp];
                    if (i > count)
                    {
                        i = count;
                    }

                    var entryAt = pc + 2 + (2 * (int)i);
                    var dest = fp + code[entryAt + 1];
                    if (dest != sp - arity)
                    {
                        for (var k = 0; k < arity; k++)
                        {
                            s[dest + k] = s[sp - arity + k];
                        }

                        sp = dest + arity;
                    }

                    pc = code[entryAt];
                    break;
                }

                case Op.Return:
                {
                    var n = fn.NumResults;
                    for (var i = 0; i < n; i++)
                    {
                        s[fp + i] = s[sp - n + i];
                    }

                    sp = fp + n;
                    if (--_depth == baseDepth)
                    {
                        return;
                    }

                    ref var caller = ref _frames[_depth - 1];
                    func = caller.Func;
                    fn = func.Code!;
                    code = fn.CodePtr;
                    pc = caller.Pc;
                    fp = caller.Fp;
                    inst = func.Module!;
                    mem = inst.Memory?.Data ?? [];
                    globals = inst.Globals;
                    break;
                }

                case Op.Call:
                    callee = inst.Funcs[code[pc++]];
                    goto DoCall;
                case Op.CallIndirect:
                {
                    var type = inst.Module.Types[code[pc]];
                    var table = inst.Tables[code[pc + 1]];
                    pc += 2;
                    var i = (uint)s[--sp];
                    if (i >= (uint)table.Elements.Length)
                    {
                        throw Trap("undefined element");
                    }

                    var r = table.Elements[i];
                    if (r == 0)
                    {
                        throw Trap("uninitialized element");
                    }

                    callee = _store.FunctionFromRef(r);
                    if (!callee.Type.Equals(type))
                    {
                        throw Trap("indirect call type mismatch");
                    }

                    goto DoCall;
                }

                case Op.Drop:
                    sp--;
                    break;
                case Op.Select:
                    sp -= 2;
                    if ((uint)s[sp + 1] == 0)
                    {
                        s[sp - 1] = s[sp];
                    }

                    break;
                case Op.LocalGet:
                    s[sp++] = s[fp + code[pc++]];
                    break;
                case Op.LocalSet:
                    s[fp + code[pc++]] = s[--sp];
                    break;
                case Op.LocalTee:
                    s[fp + code[pc++]] = s[sp - 1];
                    break;
                case Op.GlobalGet:
                    s[sp++] = globals[code[pc++]].Value;
                    break;
                case Op.GlobalSet:
                    globals[code[pc++]].Value = s[--sp];
                    break;
                case Op.TableGet:
                {
                    var t = inst.Tables[code[pc++]];
                    var i = (uint)s[sp - 1];
                    if (i >= (uint)t.Elements.Length)
                    {
                        throw Trap("out of bounds table access");
                    }

                    s[sp - 1] = t.Elements[i];
                    break;
                }

                case Op.TableSet:
                {
                    var t = inst.Tables[code[pc++]];
                    sp -= 2;
                    var i = (uint)s[sp];
                    if (i >= (uint)t.Elements.Length)
                    {
                        throw Trap("out of bounds table access");
                    }

                    t.Elements[i] = s[sp + 1];
                    break;
                }

                case Op.MemorySize:
                    s[sp++] = (uint)(mem.Length / MemoryInstance.PageSize);
                    break;
                case Op.MemoryGrow:
                    s[sp - 1] = (uint)inst.Memory!.Grow((uint)s[sp - 1], _store.Limits.MaxMemoryPages);
                    mem = inst.Memory.Data;
                    break;
                case Op.I32Const:
                    s[sp++] = (uint)code[pc++];
                    break;
                case Op.I64Const:
                case Op.F64Const:
                    s[sp++] = (uint)code[pc] | ((ulong)(uint)code[pc + 1] << 32);
                    pc += 2;
                    break;
                case Op.F32Const:
                    s[sp++] = (uint)code[pc++];
                    break;
                case Op.RefNull:
                    s[sp++] = 0;
                    break;
                case Op.RefIsNull:
                    s[sp - 1] = s[sp - 1] == 0 ? 1u : 0u;
                    break;
                case Op.RefFunc:
                    s[sp++] = inst.Funcs[code[pc++]].RefValue;
                    break;
                case >= Op.MemoryInit and <= Op.TableFill:
                    sp = Bulk(code[pc - 1], code + pc, inst, sp);
                    pc += code[pc - 1] is Op.TableInit or Op.TableCopy ? 2 : code[pc - 1] is Op.MemoryCopy or Op.MemoryFill ? 0 : 1;
                    mem = inst.Memory?.Data ?? [];
                    break;
                case 0x45: // i32.eqz
                    s[sp - 1] = (uint)s[sp - 1] == 0 ? 1u : 0u;
                    break;
                case 0x46: // i32.eq
                    sp--;
                    s[sp - 1] = (uint)s[sp - 1] == (uint)s[sp] ? 1u : 0u;
                    break;
                case 0x47: // i32.ne
                    sp--;
                    s[sp - 1] = (uint)s[sp - 1] != (uint)s[sp] ? 1u : 0u;
                    break;
                case 0x48: // i32.lt_s
                    sp--;
                    s[sp - 1] = (int)s[sp - 1] < (int)s[sp] ? 1u : 0u;
                    break;
                case 0x49: // i32.lt_u
                    sp--;
                    s[sp - 1] = (uint)s[sp - 1] < (uint)s[sp] ? 1u : 0u;
                    break;
                case 0x4A: // i32.gt_s
                    sp--;
                    s[sp - 1] = (int)s[sp - 1] > (int)s[sp] ? 1u : 0u;
                    break;
                case 0x4B: // i32.gt_u
                    sp--;
                    s[sp - 1] = (uint)s[sp - 1] > (uint)s[sp] ? 1u : 0u;
                    break;
                case 0x4C: // i32.le_s
                    sp--;
                    s[sp - 1] = (int)s[sp - 1] <= (int)s[sp] ? 1u : 0u;
                    break;
                case 0x4D: // i32.le_u
                    sp--;
                    s[sp - 1] = (uint)s[sp - 1] <= (uint)s[sp] ? 1u : 0u;
                    break;
                case 0x4E: // i32.ge_s
                    sp--;
                    s[sp - 1] = (int)s[sp - 1] >= (int)s[sp] ? 1u : 0u;
                    break;
                case 0x4F: // i32.ge_u
                    sp--;
                    s[sp - 1] = (uint)s[sp - 1] >= (uint)s[sp] ? 1u : 0u;
                    break;
                case 0x50: // i64.eqz
                    s[sp - 1] = s[sp - 1] == 0 ? 1u : 0u;
                    break;
                case 0x51: // i64.eq
                    sp--;
                    s[sp - 1] = s[sp - 1] == s[sp] ? 1u : 0u;
                    break;
                case 0x52: // i64.ne
                    sp--;
                    s[sp - 1] = s[sp - 1] != s[sp] ? 1u : 0u;
                    break;
                case 0x53: // i64.lt_s
                    sp--;
                    s[sp - 1] = (long)s[sp - 1] < (long)s[sp] ? 1u : 0u;
                    break;
                case 0x54: // i64.lt_u
                    sp--;
                    s[sp - 1] = s[sp - 1] < s[sp] ? 1u : 0u;
                    break;
                case 0x55: // i64.gt_s
                    sp--;
                    s[sp - 1] = (long)s[sp - 1] > (long)s[sp] ? 1u : 0u;
                    break;
                case 0x56: // i64.gt_u
                    sp--;
                    s[sp - 1] = s[sp - 1] > s[sp] ? 1u : 0u;
                    break;
                case 0x57: // i64.le_s
                    sp--;
                    s[sp - 1] = (long)s[sp - 1] <= (long)s[sp] ? 1u : 0u;
                    break;
                case 0x58: // i64.le_u
                    sp--;
                    s[sp - 1] = s[sp - 1] <= s[sp] ? 1u : 0u;
                    break;
                case 0x59: // i64.ge_s
                    sp--;
                    s[sp - 1] = (long)s[sp - 1] >= (long)s[sp] ? 1u : 0u;
                    break;
                case 0x5A: // i64.ge_u
                    sp--;
                    s[sp - 1] = s[sp - 1] >= s[sp] ? 1u : 0u;
                    break;
                case 0x5B: // f32.eq
                    sp--;
                    s[sp - 1] = F32(s[sp - 1]) == F32(s[sp]) ? 1u : 0u;
                    break;
                case 0x5C: // f32.ne
                    sp--;
                    s[sp - 1] = F32(s[sp - 1]) != F32(s[sp]) ? 1u : 0u;
                    break;
                case 0x5D: // f32.lt
                    sp--;
                    s[sp - 1] = F32(s[sp - 1]) < F32(s[sp]) ? 1u : 0u;
                    break;
                case 0x5E: // f32.gt
                    sp--;
                    s[sp - 1] = F32(s[sp - 1]) > F32(s[sp]) ? 1u : 0u;
                    break;
                case 0x5F: // f32.le
                    sp--;
                    s[sp - 1] = F32(s[sp - 1]) <= F32(s[sp]) ? 1u : 0u;
                    break;
                case 0x60: // f32.ge
                    sp--;
                    s[sp - 1] = F32(s[sp - 1]) >= F32(s[sp]) ? 1u : 0u;
                    break;
                case 0x61: // f64.eq
                    sp--;
                    s[sp - 1] = F64(s[sp - 1]) == F64(s[sp]) ? 1u : 0u;
                    break;
                case 0x62: // f64.ne
                    sp--;
                    s[sp - 1] = F64(s[sp - 1]) != F64(s[sp]) ? 1u : 0u;
                    break;
                case 0x63: // f64.lt
                    sp--;
                    s[sp - 1] = F64(s[sp - 1]) < F64(s[sp]) ? 1u : 0u;
                    break;
                case 0x64: // f64.gt
                    sp--;
                    s[sp - 1] = F64(s[sp - 1]) > F64(s[sp]) ? 1u : 0u;
                    break;
                case 0x65: // f64.le
                    sp--;
                    s[sp - 1] = F64(s[sp - 1]) <= F64(s[sp]) ? 1u : 0u;
                    break;
                case 0x66: // f64.ge
                    sp--;
                    s[sp - 1] = F64(s[sp - 1]) >= F64(s[sp]) ? 1u : 0u;
                    break;
                case 0x67: // i32.clz
                    s[sp - 1] = (uint)BitOperations.LeadingZeroCount((uint)s[sp - 1]);
                    break;
                case 0x68: // i32.ctz
                    s[sp - 1] = (uint)BitOperations.TrailingZeroCount((uint)s[sp - 1]);
                    break;
                case 0x69: // i32.popcnt
                    s[sp - 1] = (uint)BitOperations.PopCount((uint)s[sp - 1]);
                    break;
                case 0x6A: // i32.add
                    sp--;
                    s[sp - 1] = (uint)((int)s[sp - 1] + (int)s[sp]);
                    break;
                case 0x6B: // i32.sub
                    sp--;
                    s[sp - 1] = (uint)((int)s[sp - 1] - (int)s[sp]);
                    break;
                case 0x6C: // i32.mul
                    sp--;
                    s[sp - 1] = (uint)((int)s[sp - 1] * (int)s[sp]);
                    break;
                case 0x6D: // i32.div_s
                    sp--;
                    s[sp - 1] = (uint)Numerics.DivS32((int)s[sp - 1], (int)s[sp]);
                    break;
                case 0x6E: // i32.div_u
                    sp--;
                    s[sp - 1] = Numerics.DivU32((uint)s[sp - 1], (uint)s[sp]);
                    break;
                case 0x6F: // i32.rem_s
                    sp--;
                    s[sp - 1] = (uint)Numerics.RemS32((int)s[sp - 1], (int)s[sp]);
                    break;
                case 0x70: // i32.rem_u
                    sp--;
                    s[sp - 1] = Numerics.RemU32((uint)s[sp - 1], (uint)s[sp]);
                    break;
                case 0x71: // i32.and
                    sp--;
                    s[sp - 1] = (uint)((uint)s[sp - 1] & (uint)s[sp]);
                    break;
                case 0x72: // i32.or
                    sp--;
                    s[sp - 1] = (uint)((uint)s[sp - 1] | (uint)s[sp]);
                    break;
                case 0x73: // i32.xor
                    sp--;
                    s[sp - 1] = (uint)((uint)s[sp - 1] ^ (uint)s[sp]);
                    break;
                case 0x74: // i32.shl
                    sp--;
                    s[sp - 1] = (uint)((uint)s[sp - 1] << (int)s[sp]);
                    break;
                case 0x75: // i32.shr_s
                    sp--;
                    s[sp - 1] = (uint)((int)s[sp - 1] >> (int)s[sp]);
                    break;
                case 0x76: // i32.shr_u
                    sp--;
                    s[sp - 1] = (uint)((uint)s[sp - 1] >> (int)s[sp]);
                    break;
                case 0x77: // i32.rotl
                    sp--;
                    s[sp - 1] = (uint)(BitOperations.RotateLeft((uint)s[sp - 1], (int)s[sp]));
                    break;
                case 0x78: // i32.rotr
                    sp--;
                    s[sp - 1] = (uint)(BitOperations.RotateRight((uint)s[sp - 1], (int)s[sp]));
                    break;
                case 0x79: // i64.clz
                    s[sp - 1] = (ulong)BitOperations.LeadingZeroCount(s[sp - 1]);
                    break;
                case 0x7A: // i64.ctz
                    s[sp - 1] = (ulong)BitOperations.TrailingZeroCount(s[sp - 1]);
                    break;
                case 0x7B: // i64.popcnt
                    s[sp - 1] = (ulong)BitOperations.PopCount(s[sp - 1]);
                    break;
                case 0x7C: // i64.add
                    sp--;
                    s[sp - 1] = (ulong)(s[sp - 1] + s[sp]);
                    break;
                case 0x7D: // i64.sub
                    sp--;
                    s[sp - 1] = (ulong)(s[sp - 1] - s[sp]);
                    break;
                case 0x7E: // i64.mul
                    sp--;
                    s[sp - 1] = (ulong)(s[sp - 1] * s[sp]);
                    break;
                case 0x7F: // i64.div_s
                    sp--;
                    s[sp - 1] = (ulong)Numerics.DivS64((long)s[sp - 1], (long)s[sp]);
                    break;
                case 0x80: // i64.div_u
                    sp--;
                    s[sp - 1] = Numerics.DivU64(s[sp - 1], s[sp]);
                    break;
                case 0x81: // i64.rem_s
                    sp--;
                    s[sp - 1] = (ulong)Numerics.RemS64((long)s[sp - 1], (long)s[sp]);
                    break;
                case 0x82: // i64.rem_u
                    sp--;
                    s[sp - 1] = Numerics.RemU64(s[sp - 1], s[sp]);
                    break;
                case 0x83: // i64.and
                    sp--;
                    s[sp - 1] = (ulong)(s[sp - 1] & s[sp]);
                    break;
                case 0x84: // i64.or
                    sp--;
                    s[sp - 1] = (ulong)(s[sp - 1] | s[sp]);
                    break;
                case 0x85: // i64.xor
                    sp--;
                    s[sp - 1] = (ulong)(s[sp - 1] ^ s[sp]);
                    break;
                case 0x86: // i64.shl
                    sp--;
                    s[sp - 1] = (ulong)(s[sp - 1] << (int)s[sp]);
                    break;
                case 0x87: // i64.shr_s
                    sp--;
                    s[sp - 1] = (ulong)((long)s[sp - 1] >> (int)s[sp]);
                    break;
                case 0x88: // i64.shr_u
                    sp--;
                    s[sp - 1] = (ulong)(s[sp - 1] >> (int)s[sp]);
                    break;
                case 0x89: // i64.rotl
                    sp--;
                    s[sp - 1] = (ulong)(BitOperations.RotateLeft(s[sp - 1], (int)s[sp]));
                    break;
                case 0x8A: // i64.rotr
                    sp--;
                    s[sp - 1] = (ulong)(BitOperations.RotateRight(s[sp - 1], (int)s[sp]));
                    break;
                case 0x8B: // f32.abs
                    s[sp - 1] = s[sp - 1] & 0x7FFF_FFFFu;
                    break;
                case 0x8C: // f32.neg
                    s[sp - 1] = (uint)s[sp - 1] ^ 0x8000_0000u;
                    break;
                case 0x8D: // f32.ceil
                    s[sp - 1] = Bits(MathF.Ceiling(F32(s[sp - 1])));
                    break;
                case 0x8E: // f32.floor
                    s[sp - 1] = Bits(MathF.Floor(F32(s[sp - 1])));
                    break;
                case 0x8F: // f32.trunc
                    s[sp - 1] = Bits(MathF.Truncate(F32(s[sp - 1])));
                    break;
                case 0x90: // f32.nearest
                    s[sp - 1] = Bits(MathF.Round(F32(s[sp - 1]), MidpointRounding.ToEven));
                    break;
                case 0x91: // f32.sqrt
                    s[sp - 1] = Bits(MathF.Sqrt(F32(s[sp - 1])));
                    break;
                case 0x92: // f32.add
                    sp--;
                    s[sp - 1] = Bits(F32(s[sp - 1]) + F32(s[sp]));
                    break;
                case 0x93: // f32.sub
                    sp--;
                    s[sp - 1] = Bits(F32(s[sp - 1]) - F32(s[sp]));
                    break;
                case 0x94: // f32.mul
                    sp--;
                    s[sp - 1] = Bits(F32(s[sp - 1]) * F32(s[sp]));
                    break;
                case 0x95: // f32.div
                    sp--;
                    s[sp - 1] = Bits(F32(s[sp - 1]) / F32(s[sp]));
                    break;
                case 0x96: // f32.min
                    sp--;
                    s[sp - 1] = Bits(Numerics.Min(F32(s[sp - 1]), F32(s[sp])));
                    break;
                case 0x97: // f32.max
                    sp--;
                    s[sp - 1] = Bits(Numerics.Max(F32(s[sp - 1]), F32(s[sp])));
                    break;
                case 0x98: // f32.copysign
                    sp--;
                    s[sp - 1] = ((uint)s[sp - 1] & 0x7FFF_FFFFu) | ((uint)s[sp] & 0x8000_0000u);
                    break;
                case 0x99: // f64.abs
                    s[sp - 1] = s[sp - 1] & 0x7FFF_FFFF_FFFF_FFFFul;
                    break;
                case 0x9A: // f64.neg
                    s[sp - 1] = s[sp - 1] ^ 0x8000_0000_0000_0000ul;
                    break;
                case 0x9B: // f64.ceil
                    s[sp - 1] = Bits(Math.Ceiling(F64(s[sp - 1])));
                    break;
                case 0x9C: // f64.floor
                    s[sp - 1] = Bits(Math.Floor(F64(s[sp - 1])));
                    break;
                case 0x9D: // f64.trunc
                    s[sp - 1] = Bits(Math.Truncate(F64(s[sp - 1])));
                    break;
                case 0x9E: // f64.nearest
                    s[sp - 1] = Bits(Math.Round(F64(s[sp - 1]), MidpointRounding.ToEven));
                    break;
                case 0x9F: // f64.sqrt
                    s[sp - 1] = Bits(Math.Sqrt(F64(s[sp - 1])));
                    break;
                case 0xA0: // f64.add
                    sp--;
                    s[sp - 1] = Bits(F64(s[sp - 1]) + F64(s[sp]));
                    break;
                case 0xA1: // f64.sub
                    sp--;
                    s[sp - 1] = Bits(F64(s[sp - 1]) - F64(s[sp]));
                    break;
                case 0xA2: // f64.mul
                    sp--;
                    s[sp - 1] = Bits(F64(s[sp - 1]) * F64(s[sp]));
                    break;
                case 0xA3: // f64.div
                    sp--;
                    s[sp - 1] = Bits(F64(s[sp - 1]) / F64(s[sp]));
                    break;
                case 0xA4: // f64.min
                    sp--;
                    s[sp - 1] = Bits(Numerics.Min(F64(s[sp - 1]), F64(s[sp])));
                    break;
                case 0xA5: // f64.max
                    sp--;
                    s[sp - 1] = Bits(Numerics.Max(F64(s[sp - 1]), F64(s[sp])));
                    break;
                case 0xA6: // f64.copysign
                    sp--;
                    s[sp - 1] = (s[sp - 1] & 0x7FFF_FFFF_FFFF_FFFFul) | (s[sp] & 0x8000_0000_0000_0000ul);
                    break;
                case 0xA7: // i32.wrap_i64
                    s[sp - 1] = (uint)s[sp - 1];
                    break;
                case 0xA8: // i32.trunc_f32_s
                    s[sp - 1] = (uint)Numerics.I32TruncF32S(F32(s[sp - 1]));
                    break;
                case 0xA9: // i32.trunc_f32_u
                    s[sp - 1] = Numerics.I32TruncF32U(F32(s[sp - 1]));
                    break;
                case 0xAA: // i32.trunc_f64_s
                    s[sp - 1] = (uint)Numerics.I32TruncF64S(F64(s[sp - 1]));
                    break;
                case 0xAB: // i32.trunc_f64_u
                    s[sp - 1] = Numerics.I32TruncF64U(F64(s[sp - 1]));
                    break;
                case 0xAC: // i64.extend_i32_s
                    s[sp - 1] = (ulong)(long)(int)s[sp - 1];
                    break;
                case 0xAD: // i64.extend_i32_u
                    s[sp - 1] = (uint)s[sp - 1];
                    break;
                case 0xAE: // i64.trunc_f32_s
                    s[sp - 1] = (ulong)Numerics.I64TruncF32S(F32(s[sp - 1]));
                    break;
                case 0xAF: // i64.trunc_f32_u
                    s[sp - 1] = Numerics.I64TruncF32U(F32(s[sp - 1]));
                    break;
                case 0xB0: // i64.trunc_f64_s
                    s[sp - 1] = (ulong)Numerics.I64TruncF64S(F64(s[sp - 1]));
                    break;
                case 0xB1: // i64.trunc_f64_u
                    s[sp - 1] = Numerics.I64TruncF64U(F64(s[sp - 1]));
                    break;
                case 0xB2: // f32.convert_i32_s
                    s[sp - 1] = Bits((float)(int)s[sp - 1]);
                    break;
                case 0xB3: // f32.convert_i32_u
                    s[sp - 1] = Bits((float)(uint)s[sp - 1]);
                    break;
                case 0xB4: // f32.convert_i64_s
                    s[sp - 1] = Bits((float)(long)s[sp - 1]);
                    break;
                case 0xB5: // f32.convert_i64_u
                    s[sp - 1] = Bits(Numerics.U64ToF32(s[sp - 1]));
                    break;
                case 0xB6: // f32.demote_f64
                    s[sp - 1] = Bits((float)F64(s[sp - 1]));
                    break;
                case 0xB7: // f64.convert_i32_s
                    s[sp - 1] = Bits((double)(int)s[sp - 1]);
                    break;
                case 0xB8: // f64.convert_i32_u
                    s[sp - 1] = Bits((double)(uint)s[sp - 1]);
                    break;
                case 0xB9: // f64.convert_i64_s
                    s[sp - 1] = Bits((double)(long)s[sp - 1]);
                    break;
                case 0xBA: // f64.convert_i64_u
                    s[sp - 1] = Bits(Numerics.U64ToF64(s[sp - 1]));
                    break;
                case 0xBB: // f64.promote_f32
                    s[sp - 1] = Bits((double)F32(s[sp - 1]));
                    break;
                case 0xBC: // i32.reinterpret_f32
                    break;
                case 0xBD: // i64.reinterpret_f64
                    break;
                case 0xBE: // f32.reinterpret_i32
                    break;
                case 0xBF: // f64.reinterpret_i64
                    break;
                case 0xC0: // i32.extend8_s
                    s[sp - 1] = (uint)(int)(sbyte)s[sp - 1];
                    break;
                case 0xC1: // i32.extend16_s
                    s[sp - 1] = (uint)(int)(short)s[sp - 1];
                    break;
                case 0xC2: // i64.extend8_s
                    s[sp - 1] = (ulong)(long)(sbyte)s[sp - 1];
                    break;
                case 0xC3: // i64.extend16_s
                    s[sp - 1] = (ulong)(long)(short)s[sp - 1];
                    break;
                case 0xC4: // i64.extend32_s
                    s[sp - 1] = (ulong)(long)(int)s[sp - 1];
                    break;
                case 0xE0: // i32.trunc_sat_f32_s
                    s[sp - 1] = (uint)(int)F32(s[sp - 1]);
                    break;
                case 0xE1: // i32.trunc_sat_f32_u
                    s[sp - 1] = (uint)F32(s[sp - 1]);
                    break;
                case 0xE2: // i32.trunc_sat_f64_s
                    s[sp - 1] = (uint)(int)F64(s[sp - 1]);
                    break;
                case 0xE3: // i32.trunc_sat_f64_u
                    s[sp - 1] = (uint)F64(s[sp - 1]);
                    break;
                case 0xE4: // i64.trunc_sat_f32_s
                    s[sp - 1] = (ulong)(long)F32(s[sp - 1]);
                    break;
                case 0xE5: // i64.trunc_sat_f32_u
                    s[sp - 1] = (ulong)F32(s[sp - 1]);
                    break;
                case 0xE6: // i64.trunc_sat_f64_s
                    s[sp - 1] = (ulong)(long)F64(s[sp - 1]);
                    break;
                case 0xE7: // i64.trunc_sat_f64_u
                    s[sp - 1] = (ulong)F64(s[sp - 1]);
                    break;
                case 0x28: // i32.load
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = v;
                }
                    break;
                case 0x29: // i64.load
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 8 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = v;
                }
                    break;
                case 0x2A: // f32.load
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = v;
                }
                    break;
                case 0x2B: // f64.load
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 8 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = v;
                }
                    break;
                case 0x2C: // i32.load8_s
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<sbyte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = (uint)(int)v;
                }
                    break;
                case 0x2D: // i32.load8_u
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<byte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = (uint)v;
                }
                    break;
                case 0x2E: // i32.load16_s
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<short>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = (uint)(int)v;
                }
                    break;
                case 0x2F: // i32.load16_u
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = (uint)v;
                }
                    break;
                case 0x30: // i64.load8_s
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<sbyte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = (ulong)(long)v;
                }
                    break;
                case 0x31: // i64.load8_u
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<byte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = (ulong)v;
                }
                    break;
                case 0x32: // i64.load16_s
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<short>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = (ulong)(long)v;
                }
                    break;
                case 0x33: // i64.load16_u
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = (ulong)v;
                }
                    break;
                case 0x34: // i64.load32_s
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = (ulong)(long)v;
                }
                    break;
                case 0x35: // i64.load32_u
                {
                    var ea = (ulong)(uint)s[sp - 1] + (uint)code[pc++];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    s[sp - 1] = (ulong)v;
                }
                    break;
                case 0x36: // i32.store
                {
                    sp -= 2;
                    var ea = (ulong)(uint)s[sp] + (uint)code[pc++];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (uint)s[sp + 1]);
                }
                    break;
                case 0x37: // i64.store
                {
                    sp -= 2;
                    var ea = (ulong)(uint)s[sp] + (uint)code[pc++];
                    if (ea + 8 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (ulong)s[sp + 1]);
                }
                    break;
                case 0x38: // f32.store
                {
                    sp -= 2;
                    var ea = (ulong)(uint)s[sp] + (uint)code[pc++];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (uint)s[sp + 1]);
                }
                    break;
                case 0x39: // f64.store
                {
                    sp -= 2;
                    var ea = (ulong)(uint)s[sp] + (uint)code[pc++];
                    if (ea + 8 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (ulong)s[sp + 1]);
                }
                    break;
                case 0x3A: // i32.store8
                {
                    sp -= 2;
                    var ea = (ulong)(uint)s[sp] + (uint)code[pc++];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (byte)s[sp + 1]);
                }
                    break;
                case 0x3B: // i32.store16
                {
                    sp -= 2;
                    var ea = (ulong)(uint)s[sp] + (uint)code[pc++];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (ushort)s[sp + 1]);
                }
                    break;
                case 0x3C: // i64.store8
                {
                    sp -= 2;
                    var ea = (ulong)(uint)s[sp] + (uint)code[pc++];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (byte)s[sp + 1]);
                }
                    break;
                case 0x3D: // i64.store16
                {
                    sp -= 2;
                    var ea = (ulong)(uint)s[sp] + (uint)code[pc++];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (ushort)s[sp + 1]);
                }
                    break;
                case 0x3E: // i64.store32
                {
                    sp -= 2;
                    var ea = (ulong)(uint)s[sp] + (uint)code[pc++];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (uint)s[sp + 1]);
                }
                    break;
                default:
                    throw new InvalidOperationException($"bad internal opcode {code[pc - 1]}");
            }

            continue;

        DoCall:
            if (--_fuel < 0)
            {
                Refuel();
            }

            if (callee.Host is { } host)
            {
                var np = callee.Type.Params.Length;
                var nr = callee.Type.Results.Length;
                if (sp + nr >= _stack.Length)
                {
                    throw Exhausted();
                }

                _top = sp + nr;
                host(new ReadOnlySpan<ulong>(s + sp - np, np), new Span<ulong>(s + sp, nr));
                for (var i = 0; i < nr; i++)
                {
                    s[sp - np + i] = s[sp + i];
                }

                sp = sp - np + nr;
                mem = inst.Memory?.Data ?? [];
                continue;
            }

            if (_depth >= _frames.Length - 1)
            {
                throw Exhausted();
            }

            _frames[_depth - 1].Pc = pc;
            var cfn = callee.Code ?? callee.GetCode();
            var nfp = sp - cfn.NumParams;
            if (nfp + cfn.MaxHeight >= _stack.Length)
            {
                throw Exhausted();
            }

            for (var i = nfp + cfn.NumParams; i < nfp + cfn.NumLocals; i++)
            {
                s[i] = 0;
            }

            _frames[_depth++] = new Frame { Func = callee, Fp = nfp };
            func = callee;
            fn = cfn;
            code = fn.CodePtr;
            pc = 0;
            fp = nfp;
            sp = nfp + fn.NumLocals;
            if (func.Module != inst)
            {
                inst = func.Module!;
                globals = inst.Globals;
            }

            mem = inst.Memory?.Data ?? [];
        }
    }
}
