using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using WasmBench.Interpreter.Binary;

namespace WasmBench.Interpreter.Runtime;

// The dispatch loop is one large method on purpose (one dense switch, pc and the frame in
// locals); the numeric cases were generated from a table and are kept in opcode order.
internal sealed unsafe partial class Vm
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
    /// <c>f</c> points at the current frame's slot 0; operands are frame slots.
    /// </summary>
    private void Execute(FunctionInstance entry, int entryFp)
    {
        var s = _s;
        var baseDepth = _depth;
        var func = entry;
        var fn = func.GetCode();
        var fp = entryFp;
        if (_depth >= _frames.Length - 1 || fp + fn.MaxHeight >= _stack.Length)
        {
            throw Exhausted();
        }

        new Span<ulong>(s + fp + fn.NumParams, fn.NumLocals - fn.NumParams).Clear();
        _frames[_depth++] = new Frame { Func = func, Fp = fp };
        var f = s + fp;
        var code = fn.CodePtr;
        var pc = 0;
        var inst = func.Module!;
        var mem = inst.Memory?.Data ?? [];
        var globals = inst.Globals;
        FunctionInstance callee;
        int argBase;
        ExceptionInstance exn;

        while (true)
        {
            switch (code[pc++])
            {
                case Op.Unreachable:
                    throw Trap("unreachable");
                case Op.Throw:
                    exn = NewException(inst.Tags[code[pc]], fp + code[pc + 1]);
                    goto DoThrow;
                case Op.ThrowRef:
                    exn = ExceptionFromSlot(f[code[pc]]);
                    goto DoThrow;
                case Op.LoopHeader:
                    if (--_fuel < 0)
                    {
                        Refuel();
                    }

                    break;
                case Op.BrMove:
                    Move(f, code[pc + 1], code[pc + 2], code[pc + 3]);
                    pc = code[pc];
                    break;
                case Op.BrIfMove:
                    if ((uint)f[code[pc]] != 0)
                    {
                        Move(f, code[pc + 2], code[pc + 3], code[pc + 4]);
                        pc = code[pc + 1];
                    }
                    else
                    {
                        pc += 5;
                    }

                    break;
                case Op.JumpIfZero:
                    pc = (uint)f[code[pc]] == 0 ? code[pc + 1] : pc + 2;
                    break;
                case Op.JumpIfZero64:
                    pc = f[code[pc]] == 0 ? code[pc + 1] : pc + 2;
                    break;
                case Op.BrIf64:
                    pc = f[code[pc]] != 0 ? code[pc + 1] : pc + 2;
                    break;
                case Op.Jump:
                    pc = code[pc];
                    break;
                case Op.BrIf:
                    pc = (uint)f[code[pc]] != 0 ? code[pc + 1] : pc + 2;
                    break;
                case Op.BrTable:
                {
                    var i = (uint)f[code[pc]];
                    var count = (uint)code[pc + 1];
                    if (i > count)
                    {
                        i = count;
                    }

                    var at = pc + 4 + (2 * (int)i);
                    Move(f, code[pc + 2], code[pc + 3], code[at + 1]);
                    pc = code[at];
                    break;
                }

                case Op.Return:
                {
                    var n = fn.NumResults;
                    var src = f + code[pc];
                    for (var i = 0; i < n; i++)
                    {
                        f[i] = src[i];
                    }

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
                    f = s + fp;
                    inst = func.Module!;
                    mem = inst.Memory?.Data ?? [];
                    globals = inst.Globals;
                    break;
                }

                case Op.Call:
                    callee = inst.Funcs[code[pc]];
                    argBase = code[pc + 1];
                    pc += 2;
                    goto DoCall;
                case Op.CallIndirect:
                {
                    var type = inst.Module.Defs[code[pc]].Canon!;
                    var table = inst.Tables[code[pc + 1]];
                    argBase = code[pc + 2];
                    pc += 3;
                    var i = (uint)f[argBase + type.Func!.Params.Length];
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
                    if (!callee.Type.Canon.IsSubtypeOf(type))
                    {
                        throw Trap("indirect call type mismatch");
                    }

                    goto DoCall;
                }

                case Op.ReturnCall:
                    callee = inst.Funcs[code[pc]];
                    argBase = code[pc + 1];
                    goto DoTailCall;
                case Op.ReturnCallIndirect:
                    argBase = code[pc + 2];
                    callee = IndirectCallee(inst, code[pc], code[pc + 1], (uint)f[argBase + inst.Module.Types[code[pc]].Params.Length]);
                    goto DoTailCall;
                case Op.CallRef:
                    argBase = code[pc + 1];
                    callee = RefCallee(f[argBase + inst.Module.Types[code[pc]].Params.Length]);
                    pc += 2;
                    goto DoCall;
                case Op.ReturnCallRef:
                    argBase = code[pc + 1];
                    callee = RefCallee(f[argBase + inst.Module.Types[code[pc]].Params.Length]);
                    goto DoTailCall;
                case Op.RefAsNonNull:
                    f[code[pc]] = f[code[pc + 1]] != 0 ? f[code[pc + 1]] : throw Trap("null reference");
                    pc += 2;
                    break;
                case Op.Select:
                    f[code[pc]] = (uint)f[code[pc + 3]] != 0 ? f[code[pc + 1]] : f[code[pc + 2]];
                    pc += 4;
                    break;
                case Op.Copy:
                    f[code[pc]] = f[code[pc + 1]];
                    pc += 2;
                    break;
                case Op.GlobalGet:
                    f[code[pc]] = globals[code[pc + 1]].Value;
                    pc += 2;
                    break;
                case Op.GlobalSet:
                    globals[code[pc + 1]].Value = f[code[pc]];
                    pc += 2;
                    break;
                case Op.TableGet:
                {
                    var t = inst.Tables[code[pc + 2]];
                    var i = (uint)f[code[pc + 1]];
                    if (i >= (uint)t.Elements.Length)
                    {
                        throw Trap("out of bounds table access");
                    }

                    f[code[pc]] = t.Elements[i];
                    pc += 3;
                    break;
                }

                case Op.TableSet:
                {
                    var t = inst.Tables[code[pc + 2]];
                    var i = (uint)f[code[pc]];
                    if (i >= (uint)t.Elements.Length)
                    {
                        throw Trap("out of bounds table access");
                    }

                    t.Elements[i] = f[code[pc + 1]];
                    pc += 3;
                    break;
                }

                case Op.MemorySize:
                    f[code[pc++]] = (uint)(mem.Length / MemoryInstance.PageSize);
                    break;
                case Op.MemoryGrow:
                    f[code[pc]] = (uint)GrowMemory(inst, inst.Memory!, (uint)f[code[pc + 1]]);
                    mem = inst.Memory!.Data;
                    pc += 2;
                    break;
                case Op.I32Const:
                case Op.F32Const:
                    f[code[pc]] = (uint)code[pc + 1];
                    pc += 2;
                    break;
                case Op.I64Const:
                case Op.F64Const:
                    f[code[pc]] = (uint)code[pc + 1] | ((ulong)(uint)code[pc + 2] << 32);
                    pc += 3;
                    break;
                case Op.RefNull:
                    f[code[pc++]] = 0;
                    break;
                case Op.RefIsNull:
                    f[code[pc]] = f[code[pc + 1]] == 0 ? 1u : 0u;
                    pc += 2;
                    break;
                case Op.RefFunc:
                    f[code[pc]] = inst.Funcs[code[pc + 1]].RefValue;
                    pc += 2;
                    break;
                case >= Op.Simd:
                    pc = Simd(code, pc, f, mem, inst);
                    break;
                case >= Op.Gc and < Op.Simd:
                    pc = Gc(code, pc, fp, inst, fp + fn.MaxHeight);
                    break;
                case Op.Address64:
                {
                    var a = f[code[pc + 1]];
                    var ea = a + ((uint)code[pc + 2] | ((ulong)(uint)code[pc + 3] << 32));
                    if (ea < a || ea > uint.MaxValue)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    f[code[pc]] = ea;
                    pc += 4;
                    break;
                }

                case Op.Index64:
                    f[code[pc]] = Math.Min(f[code[pc + 1]], uint.MaxValue);
                    pc += 2;
                    break;
                case Op.SignExtend32:
                    f[code[pc]] = (ulong)(long)(int)f[code[pc]];
                    pc++;
                    break;
                case Op.UseMemory:
                    mem = inst.Memories[code[pc++]].Data;
                    break;
                case Op.UseMemory0:
                    mem = inst.Memory!.Data;
                    break;
                case >= Op.MemorySizeAt and <= Op.MemoryFillAt:
                    pc = OtherMemory(code, pc, f, inst, fp);
                    mem = inst.Memory!.Data; // the same memory may be imported twice
                    break;
                case >= Op.MemoryInit and <= Op.TableFill:
                {
                    var op = code[pc - 1];
                    Bulk(op, code + pc + 1, inst, fp + code[pc]);
                    pc += op is Op.TableInit or Op.TableCopy ? 3 : op is Op.MemoryCopy or Op.MemoryFill ? 1 : 2;
                    mem = inst.Memory?.Data ?? [];
                    break;
                }
                case 0x45: // i32.eqz
                    f[code[pc]] = (uint)f[code[pc + 1]] == 0 ? 1u : 0u;
                    pc += 2;
                    break;
                case 0x46: // i32.eq
                    f[code[pc]] = (uint)f[code[pc + 1]] == (uint)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x47: // i32.ne
                    f[code[pc]] = (uint)f[code[pc + 1]] != (uint)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x48: // i32.lt_s
                    f[code[pc]] = (int)f[code[pc + 1]] < (int)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x49: // i32.lt_u
                    f[code[pc]] = (uint)f[code[pc + 1]] < (uint)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x4A: // i32.gt_s
                    f[code[pc]] = (int)f[code[pc + 1]] > (int)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x4B: // i32.gt_u
                    f[code[pc]] = (uint)f[code[pc + 1]] > (uint)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x4C: // i32.le_s
                    f[code[pc]] = (int)f[code[pc + 1]] <= (int)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x4D: // i32.le_u
                    f[code[pc]] = (uint)f[code[pc + 1]] <= (uint)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x4E: // i32.ge_s
                    f[code[pc]] = (int)f[code[pc + 1]] >= (int)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x4F: // i32.ge_u
                    f[code[pc]] = (uint)f[code[pc + 1]] >= (uint)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x50: // i64.eqz
                    f[code[pc]] = f[code[pc + 1]] == 0 ? 1u : 0u;
                    pc += 2;
                    break;
                case 0x51: // i64.eq
                    f[code[pc]] = f[code[pc + 1]] == f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x52: // i64.ne
                    f[code[pc]] = f[code[pc + 1]] != f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x53: // i64.lt_s
                    f[code[pc]] = (long)f[code[pc + 1]] < (long)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x54: // i64.lt_u
                    f[code[pc]] = f[code[pc + 1]] < f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x55: // i64.gt_s
                    f[code[pc]] = (long)f[code[pc + 1]] > (long)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x56: // i64.gt_u
                    f[code[pc]] = f[code[pc + 1]] > f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x57: // i64.le_s
                    f[code[pc]] = (long)f[code[pc + 1]] <= (long)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x58: // i64.le_u
                    f[code[pc]] = f[code[pc + 1]] <= f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x59: // i64.ge_s
                    f[code[pc]] = (long)f[code[pc + 1]] >= (long)f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x5A: // i64.ge_u
                    f[code[pc]] = f[code[pc + 1]] >= f[code[pc + 2]] ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x5B: // f32.eq
                    f[code[pc]] = F32(f[code[pc + 1]]) == F32(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x5C: // f32.ne
                    f[code[pc]] = F32(f[code[pc + 1]]) != F32(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x5D: // f32.lt
                    f[code[pc]] = F32(f[code[pc + 1]]) < F32(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x5E: // f32.gt
                    f[code[pc]] = F32(f[code[pc + 1]]) > F32(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x5F: // f32.le
                    f[code[pc]] = F32(f[code[pc + 1]]) <= F32(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x60: // f32.ge
                    f[code[pc]] = F32(f[code[pc + 1]]) >= F32(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x61: // f64.eq
                    f[code[pc]] = F64(f[code[pc + 1]]) == F64(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x62: // f64.ne
                    f[code[pc]] = F64(f[code[pc + 1]]) != F64(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x63: // f64.lt
                    f[code[pc]] = F64(f[code[pc + 1]]) < F64(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x64: // f64.gt
                    f[code[pc]] = F64(f[code[pc + 1]]) > F64(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x65: // f64.le
                    f[code[pc]] = F64(f[code[pc + 1]]) <= F64(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x66: // f64.ge
                    f[code[pc]] = F64(f[code[pc + 1]]) >= F64(f[code[pc + 2]]) ? 1u : 0u;
                    pc += 3;
                    break;
                case 0x67: // i32.clz
                    f[code[pc]] = (uint)BitOperations.LeadingZeroCount((uint)f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0x68: // i32.ctz
                    f[code[pc]] = (uint)BitOperations.TrailingZeroCount((uint)f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0x69: // i32.popcnt
                    f[code[pc]] = (uint)BitOperations.PopCount((uint)f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0x6A: // i32.add
                    f[code[pc]] = (uint)((int)f[code[pc + 1]] + (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x6B: // i32.sub
                    f[code[pc]] = (uint)((int)f[code[pc + 1]] - (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x6C: // i32.mul
                    f[code[pc]] = (uint)((int)f[code[pc + 1]] * (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x6D: // i32.div_s
                    f[code[pc]] = (uint)Numerics.DivS32((int)f[code[pc + 1]], (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x6E: // i32.div_u
                    f[code[pc]] = Numerics.DivU32((uint)f[code[pc + 1]], (uint)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x6F: // i32.rem_s
                    f[code[pc]] = (uint)Numerics.RemS32((int)f[code[pc + 1]], (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x70: // i32.rem_u
                    f[code[pc]] = Numerics.RemU32((uint)f[code[pc + 1]], (uint)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x71: // i32.and
                    f[code[pc]] = (uint)((uint)f[code[pc + 1]] & (uint)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x72: // i32.or
                    f[code[pc]] = (uint)((uint)f[code[pc + 1]] | (uint)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x73: // i32.xor
                    f[code[pc]] = (uint)((uint)f[code[pc + 1]] ^ (uint)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x74: // i32.shl
                    f[code[pc]] = (uint)((uint)f[code[pc + 1]] << (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x75: // i32.shr_s
                    f[code[pc]] = (uint)((int)f[code[pc + 1]] >> (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x76: // i32.shr_u
                    f[code[pc]] = (uint)((uint)f[code[pc + 1]] >> (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x77: // i32.rotl
                    f[code[pc]] = (uint)(BitOperations.RotateLeft((uint)f[code[pc + 1]], (int)f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0x78: // i32.rotr
                    f[code[pc]] = (uint)(BitOperations.RotateRight((uint)f[code[pc + 1]], (int)f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0x79: // i64.clz
                    f[code[pc]] = (ulong)BitOperations.LeadingZeroCount(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0x7A: // i64.ctz
                    f[code[pc]] = (ulong)BitOperations.TrailingZeroCount(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0x7B: // i64.popcnt
                    f[code[pc]] = (ulong)BitOperations.PopCount(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0x7C: // i64.add
                    f[code[pc]] = (ulong)(f[code[pc + 1]] + f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x7D: // i64.sub
                    f[code[pc]] = (ulong)(f[code[pc + 1]] - f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x7E: // i64.mul
                    f[code[pc]] = (ulong)(f[code[pc + 1]] * f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x7F: // i64.div_s
                    f[code[pc]] = (ulong)Numerics.DivS64((long)f[code[pc + 1]], (long)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x80: // i64.div_u
                    f[code[pc]] = Numerics.DivU64(f[code[pc + 1]], f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x81: // i64.rem_s
                    f[code[pc]] = (ulong)Numerics.RemS64((long)f[code[pc + 1]], (long)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x82: // i64.rem_u
                    f[code[pc]] = Numerics.RemU64(f[code[pc + 1]], f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x83: // i64.and
                    f[code[pc]] = (ulong)(f[code[pc + 1]] & f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x84: // i64.or
                    f[code[pc]] = (ulong)(f[code[pc + 1]] | f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x85: // i64.xor
                    f[code[pc]] = (ulong)(f[code[pc + 1]] ^ f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x86: // i64.shl
                    f[code[pc]] = (ulong)(f[code[pc + 1]] << (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x87: // i64.shr_s
                    f[code[pc]] = (ulong)((long)f[code[pc + 1]] >> (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x88: // i64.shr_u
                    f[code[pc]] = (ulong)(f[code[pc + 1]] >> (int)f[code[pc + 2]]);
                    pc += 3;
                    break;
                case 0x89: // i64.rotl
                    f[code[pc]] = (ulong)(BitOperations.RotateLeft(f[code[pc + 1]], (int)f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0x8A: // i64.rotr
                    f[code[pc]] = (ulong)(BitOperations.RotateRight(f[code[pc + 1]], (int)f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0x8B: // f32.abs
                    f[code[pc]] = f[code[pc + 1]] & 0x7FFF_FFFFu;
                    pc += 2;
                    break;
                case 0x8C: // f32.neg
                    f[code[pc]] = (uint)f[code[pc + 1]] ^ 0x8000_0000u;
                    pc += 2;
                    break;
                case 0x8D: // f32.ceil
                    f[code[pc]] = Bits(MathF.Ceiling(F32(f[code[pc + 1]])));
                    pc += 2;
                    break;
                case 0x8E: // f32.floor
                    f[code[pc]] = Bits(MathF.Floor(F32(f[code[pc + 1]])));
                    pc += 2;
                    break;
                case 0x8F: // f32.trunc
                    f[code[pc]] = Bits(MathF.Truncate(F32(f[code[pc + 1]])));
                    pc += 2;
                    break;
                case 0x90: // f32.nearest
                    f[code[pc]] = Bits(MathF.Round(F32(f[code[pc + 1]]), MidpointRounding.ToEven));
                    pc += 2;
                    break;
                case 0x91: // f32.sqrt
                    f[code[pc]] = Bits(MathF.Sqrt(F32(f[code[pc + 1]])));
                    pc += 2;
                    break;
                case 0x92: // f32.add
                    f[code[pc]] = Bits(F32(f[code[pc + 1]]) + F32(f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0x93: // f32.sub
                    f[code[pc]] = Bits(F32(f[code[pc + 1]]) - F32(f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0x94: // f32.mul
                    f[code[pc]] = Bits(F32(f[code[pc + 1]]) * F32(f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0x95: // f32.div
                    f[code[pc]] = Bits(F32(f[code[pc + 1]]) / F32(f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0x96: // f32.min
                    f[code[pc]] = Bits(Numerics.Min(F32(f[code[pc + 1]]), F32(f[code[pc + 2]])));
                    pc += 3;
                    break;
                case 0x97: // f32.max
                    f[code[pc]] = Bits(Numerics.Max(F32(f[code[pc + 1]]), F32(f[code[pc + 2]])));
                    pc += 3;
                    break;
                case 0x98: // f32.copysign
                    f[code[pc]] = ((uint)f[code[pc + 1]] & 0x7FFF_FFFFu) | ((uint)f[code[pc + 2]] & 0x8000_0000u);
                    pc += 3;
                    break;
                case 0x99: // f64.abs
                    f[code[pc]] = f[code[pc + 1]] & 0x7FFF_FFFF_FFFF_FFFFul;
                    pc += 2;
                    break;
                case 0x9A: // f64.neg
                    f[code[pc]] = f[code[pc + 1]] ^ 0x8000_0000_0000_0000ul;
                    pc += 2;
                    break;
                case 0x9B: // f64.ceil
                    f[code[pc]] = Bits(Math.Ceiling(F64(f[code[pc + 1]])));
                    pc += 2;
                    break;
                case 0x9C: // f64.floor
                    f[code[pc]] = Bits(Math.Floor(F64(f[code[pc + 1]])));
                    pc += 2;
                    break;
                case 0x9D: // f64.trunc
                    f[code[pc]] = Bits(Math.Truncate(F64(f[code[pc + 1]])));
                    pc += 2;
                    break;
                case 0x9E: // f64.nearest
                    f[code[pc]] = Bits(Math.Round(F64(f[code[pc + 1]]), MidpointRounding.ToEven));
                    pc += 2;
                    break;
                case 0x9F: // f64.sqrt
                    f[code[pc]] = Bits(Math.Sqrt(F64(f[code[pc + 1]])));
                    pc += 2;
                    break;
                case 0xA0: // f64.add
                    f[code[pc]] = Bits(F64(f[code[pc + 1]]) + F64(f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0xA1: // f64.sub
                    f[code[pc]] = Bits(F64(f[code[pc + 1]]) - F64(f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0xA2: // f64.mul
                    f[code[pc]] = Bits(F64(f[code[pc + 1]]) * F64(f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0xA3: // f64.div
                    f[code[pc]] = Bits(F64(f[code[pc + 1]]) / F64(f[code[pc + 2]]));
                    pc += 3;
                    break;
                case 0xA4: // f64.min
                    f[code[pc]] = Bits(Numerics.Min(F64(f[code[pc + 1]]), F64(f[code[pc + 2]])));
                    pc += 3;
                    break;
                case 0xA5: // f64.max
                    f[code[pc]] = Bits(Numerics.Max(F64(f[code[pc + 1]]), F64(f[code[pc + 2]])));
                    pc += 3;
                    break;
                case 0xA6: // f64.copysign
                    f[code[pc]] = (f[code[pc + 1]] & 0x7FFF_FFFF_FFFF_FFFFul) | (f[code[pc + 2]] & 0x8000_0000_0000_0000ul);
                    pc += 3;
                    break;
                case 0xA7: // i32.wrap_i64
                    f[code[pc]] = (uint)f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xA8: // i32.trunc_f32_s
                    f[code[pc]] = (uint)Numerics.I32TruncF32S(F32(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xA9: // i32.trunc_f32_u
                    f[code[pc]] = Numerics.I32TruncF32U(F32(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xAA: // i32.trunc_f64_s
                    f[code[pc]] = (uint)Numerics.I32TruncF64S(F64(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xAB: // i32.trunc_f64_u
                    f[code[pc]] = Numerics.I32TruncF64U(F64(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xAC: // i64.extend_i32_s
                    f[code[pc]] = (ulong)(long)(int)f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xAD: // i64.extend_i32_u
                    f[code[pc]] = (uint)f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xAE: // i64.trunc_f32_s
                    f[code[pc]] = (ulong)Numerics.I64TruncF32S(F32(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xAF: // i64.trunc_f32_u
                    f[code[pc]] = Numerics.I64TruncF32U(F32(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xB0: // i64.trunc_f64_s
                    f[code[pc]] = (ulong)Numerics.I64TruncF64S(F64(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xB1: // i64.trunc_f64_u
                    f[code[pc]] = Numerics.I64TruncF64U(F64(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xB2: // f32.convert_i32_s
                    f[code[pc]] = Bits((float)(int)f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xB3: // f32.convert_i32_u
                    f[code[pc]] = Bits((float)(uint)f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xB4: // f32.convert_i64_s
                    f[code[pc]] = Bits((float)(long)f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xB5: // f32.convert_i64_u
                    f[code[pc]] = Bits(Numerics.U64ToF32(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xB6: // f32.demote_f64
                    f[code[pc]] = Bits((float)F64(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xB7: // f64.convert_i32_s
                    f[code[pc]] = Bits((double)(int)f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xB8: // f64.convert_i32_u
                    f[code[pc]] = Bits((double)(uint)f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xB9: // f64.convert_i64_s
                    f[code[pc]] = Bits((double)(long)f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xBA: // f64.convert_i64_u
                    f[code[pc]] = Bits(Numerics.U64ToF64(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xBB: // f64.promote_f32
                    f[code[pc]] = Bits((double)F32(f[code[pc + 1]]));
                    pc += 2;
                    break;
                case 0xBC: // i32.reinterpret_f32
                    f[code[pc]] = f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xBD: // i64.reinterpret_f64
                    f[code[pc]] = f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xBE: // f32.reinterpret_i32
                    f[code[pc]] = f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xBF: // f64.reinterpret_i64
                    f[code[pc]] = f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xC0: // i32.extend8_s
                    f[code[pc]] = (uint)(int)(sbyte)f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xC1: // i32.extend16_s
                    f[code[pc]] = (uint)(int)(short)f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xC2: // i64.extend8_s
                    f[code[pc]] = (ulong)(long)(sbyte)f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xC3: // i64.extend16_s
                    f[code[pc]] = (ulong)(long)(short)f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xC4: // i64.extend32_s
                    f[code[pc]] = (ulong)(long)(int)f[code[pc + 1]];
                    pc += 2;
                    break;
                case 0xE0: // i32.trunc_sat_f32_s
                    f[code[pc]] = (uint)(int)F32(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xE1: // i32.trunc_sat_f32_u
                    f[code[pc]] = (uint)F32(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xE2: // i32.trunc_sat_f64_s
                    f[code[pc]] = (uint)(int)F64(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xE3: // i32.trunc_sat_f64_u
                    f[code[pc]] = (uint)F64(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xE4: // i64.trunc_sat_f32_s
                    f[code[pc]] = (ulong)(long)F32(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xE5: // i64.trunc_sat_f32_u
                    f[code[pc]] = (ulong)F32(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xE6: // i64.trunc_sat_f64_s
                    f[code[pc]] = (ulong)(long)F64(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0xE7: // i64.trunc_sat_f64_u
                    f[code[pc]] = (ulong)F64(f[code[pc + 1]]);
                    pc += 2;
                    break;
                case 0x28: // i32.load [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = v;
                    pc += 3;
                    break;
                }
                case 0x29: // i64.load [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 8 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = v;
                    pc += 3;
                    break;
                }
                case 0x2A: // f32.load [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = v;
                    pc += 3;
                    break;
                }
                case 0x2B: // f64.load [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 8 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = v;
                    pc += 3;
                    break;
                }
                case 0x2C: // i32.load8_s [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<sbyte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = (uint)(int)v;
                    pc += 3;
                    break;
                }
                case 0x2D: // i32.load8_u [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<byte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = (uint)v;
                    pc += 3;
                    break;
                }
                case 0x2E: // i32.load16_s [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<short>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = (uint)(int)v;
                    pc += 3;
                    break;
                }
                case 0x2F: // i32.load16_u [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = (uint)v;
                    pc += 3;
                    break;
                }
                case 0x30: // i64.load8_s [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<sbyte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = (ulong)(long)v;
                    pc += 3;
                    break;
                }
                case 0x31: // i64.load8_u [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<byte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = (ulong)v;
                    pc += 3;
                    break;
                }
                case 0x32: // i64.load16_s [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<short>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = (ulong)(long)v;
                    pc += 3;
                    break;
                }
                case 0x33: // i64.load16_u [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = (ulong)v;
                    pc += 3;
                    break;
                }
                case 0x34: // i64.load32_s [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = (ulong)(long)v;
                    pc += 3;
                    break;
                }
                case 0x35: // i64.load32_u [dst, addr, offset]
                {
                    var ea = (ulong)(uint)f[code[pc + 1]] + (uint)code[pc + 2];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    var v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
                    f[code[pc]] = (ulong)v;
                    pc += 3;
                    break;
                }
                case 0x36: // i32.store [addr, value, offset]
                {
                    var ea = (ulong)(uint)f[code[pc]] + (uint)code[pc + 2];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (uint)f[code[pc + 1]]);
                    pc += 3;
                    break;
                }
                case 0x37: // i64.store [addr, value, offset]
                {
                    var ea = (ulong)(uint)f[code[pc]] + (uint)code[pc + 2];
                    if (ea + 8 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (ulong)f[code[pc + 1]]);
                    pc += 3;
                    break;
                }
                case 0x38: // f32.store [addr, value, offset]
                {
                    var ea = (ulong)(uint)f[code[pc]] + (uint)code[pc + 2];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (uint)f[code[pc + 1]]);
                    pc += 3;
                    break;
                }
                case 0x39: // f64.store [addr, value, offset]
                {
                    var ea = (ulong)(uint)f[code[pc]] + (uint)code[pc + 2];
                    if (ea + 8 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (ulong)f[code[pc + 1]]);
                    pc += 3;
                    break;
                }
                case 0x3A: // i32.store8 [addr, value, offset]
                {
                    var ea = (ulong)(uint)f[code[pc]] + (uint)code[pc + 2];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (byte)f[code[pc + 1]]);
                    pc += 3;
                    break;
                }
                case 0x3B: // i32.store16 [addr, value, offset]
                {
                    var ea = (ulong)(uint)f[code[pc]] + (uint)code[pc + 2];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (ushort)f[code[pc + 1]]);
                    pc += 3;
                    break;
                }
                case 0x3C: // i64.store8 [addr, value, offset]
                {
                    var ea = (ulong)(uint)f[code[pc]] + (uint)code[pc + 2];
                    if (ea + 1 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (byte)f[code[pc + 1]]);
                    pc += 3;
                    break;
                }
                case 0x3D: // i64.store16 [addr, value, offset]
                {
                    var ea = (ulong)(uint)f[code[pc]] + (uint)code[pc + 2];
                    if (ea + 2 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (ushort)f[code[pc + 1]]);
                    pc += 3;
                    break;
                }
                case 0x3E: // i64.store32 [addr, value, offset]
                {
                    var ea = (ulong)(uint)f[code[pc]] + (uint)code[pc + 2];
                    if (ea + 4 > (ulong)mem.Length)
                    {
                        throw Trap("out of bounds memory access");
                    }

                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), (uint)f[code[pc + 1]]);
                    pc += 3;
                    break;
                }
                case Op.CompareBranch + Opcode.I32Eq: // br_if (i32 compare 0x46) [a, b, target]
                    pc = (uint)f[code[pc]] == (uint)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I64Eq: // br_if (i64 compare 0x51) [a, b, target]
                    pc = (ulong)f[code[pc]] == (ulong)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I32Ne: // br_if (i32 compare 0x47) [a, b, target]
                    pc = (uint)f[code[pc]] != (uint)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I64Ne: // br_if (i64 compare 0x52) [a, b, target]
                    pc = (ulong)f[code[pc]] != (ulong)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I32LtS: // br_if (i32 compare 0x48) [a, b, target]
                    pc = (int)f[code[pc]] < (int)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I64LtS: // br_if (i64 compare 0x53) [a, b, target]
                    pc = (long)f[code[pc]] < (long)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I32LtU: // br_if (i32 compare 0x49) [a, b, target]
                    pc = (uint)f[code[pc]] < (uint)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I64LtU: // br_if (i64 compare 0x54) [a, b, target]
                    pc = (ulong)f[code[pc]] < (ulong)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I32GtS: // br_if (i32 compare 0x4A) [a, b, target]
                    pc = (int)f[code[pc]] > (int)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I64GtS: // br_if (i64 compare 0x55) [a, b, target]
                    pc = (long)f[code[pc]] > (long)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I32GtU: // br_if (i32 compare 0x4B) [a, b, target]
                    pc = (uint)f[code[pc]] > (uint)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I64GtU: // br_if (i64 compare 0x56) [a, b, target]
                    pc = (ulong)f[code[pc]] > (ulong)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I32LeS: // br_if (i32 compare 0x4C) [a, b, target]
                    pc = (int)f[code[pc]] <= (int)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I64LeS: // br_if (i64 compare 0x57) [a, b, target]
                    pc = (long)f[code[pc]] <= (long)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I32LeU: // br_if (i32 compare 0x4D) [a, b, target]
                    pc = (uint)f[code[pc]] <= (uint)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I64LeU: // br_if (i64 compare 0x58) [a, b, target]
                    pc = (ulong)f[code[pc]] <= (ulong)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I32GeS: // br_if (i32 compare 0x4E) [a, b, target]
                    pc = (int)f[code[pc]] >= (int)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I64GeS: // br_if (i64 compare 0x59) [a, b, target]
                    pc = (long)f[code[pc]] >= (long)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I32GeU: // br_if (i32 compare 0x4F) [a, b, target]
                    pc = (uint)f[code[pc]] >= (uint)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareBranch + Opcode.I64GeU: // br_if (i64 compare 0x5A) [a, b, target]
                    pc = (ulong)f[code[pc]] >= (ulong)f[code[pc + 1]] ? code[pc + 2] : pc + 3;
                    break;
                case Op.WithImmediate + Opcode.I32Add: // i32 op 0x6A with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)((int)f[code[pc + 1]] + (int)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32Sub: // i32 op 0x6B with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)((int)f[code[pc + 1]] - (int)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32Mul: // i32 op 0x6C with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)((int)f[code[pc + 1]] * (int)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32And: // i32 op 0x71 with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)((uint)f[code[pc + 1]] & (uint)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32Or: // i32 op 0x72 with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)((uint)f[code[pc + 1]] | (uint)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32Xor: // i32 op 0x73 with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)((uint)f[code[pc + 1]] ^ (uint)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32Shl: // i32 op 0x74 with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)((uint)f[code[pc + 1]] << code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32ShrS: // i32 op 0x75 with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)((int)f[code[pc + 1]] >> code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32ShrU: // i32 op 0x76 with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)((uint)f[code[pc + 1]] >> code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64Add: // i64 op 0x7C with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)((long)f[code[pc + 1]] + (long)(long)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64Sub: // i64 op 0x7D with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)((long)f[code[pc + 1]] - (long)(long)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64Mul: // i64 op 0x7E with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)((long)f[code[pc + 1]] * (long)(long)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64And: // i64 op 0x83 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)((ulong)f[code[pc + 1]] & (ulong)(long)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64Or: // i64 op 0x84 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)((ulong)f[code[pc + 1]] | (ulong)(long)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64Xor: // i64 op 0x85 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)((ulong)f[code[pc + 1]] ^ (ulong)(long)code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64Shl: // i64 op 0x86 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)((ulong)f[code[pc + 1]] << code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64ShrS: // i64 op 0x87 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)((long)f[code[pc + 1]] >> code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64ShrU: // i64 op 0x88 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)((ulong)f[code[pc + 1]] >> code[pc + 2]);
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32Eq: // i32 compare 0x46 with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)f[code[pc + 1]] == (uint)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64Eq: // i64 compare 0x51 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)f[code[pc + 1]] == (ulong)(long)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32Ne: // i32 compare 0x47 with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)f[code[pc + 1]] != (uint)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64Ne: // i64 compare 0x52 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)f[code[pc + 1]] != (ulong)(long)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32LtS: // i32 compare 0x48 with an immediate [dst, a, imm]
                    f[code[pc]] = (int)f[code[pc + 1]] < (int)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64LtS: // i64 compare 0x53 with an immediate [dst, a, imm]
                    f[code[pc]] = (long)f[code[pc + 1]] < (long)(long)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32LtU: // i32 compare 0x49 with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)f[code[pc + 1]] < (uint)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64LtU: // i64 compare 0x54 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)f[code[pc + 1]] < (ulong)(long)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32GtS: // i32 compare 0x4A with an immediate [dst, a, imm]
                    f[code[pc]] = (int)f[code[pc + 1]] > (int)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64GtS: // i64 compare 0x55 with an immediate [dst, a, imm]
                    f[code[pc]] = (long)f[code[pc + 1]] > (long)(long)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32GtU: // i32 compare 0x4B with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)f[code[pc + 1]] > (uint)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64GtU: // i64 compare 0x56 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)f[code[pc + 1]] > (ulong)(long)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32LeS: // i32 compare 0x4C with an immediate [dst, a, imm]
                    f[code[pc]] = (int)f[code[pc + 1]] <= (int)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64LeS: // i64 compare 0x57 with an immediate [dst, a, imm]
                    f[code[pc]] = (long)f[code[pc + 1]] <= (long)(long)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32LeU: // i32 compare 0x4D with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)f[code[pc + 1]] <= (uint)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64LeU: // i64 compare 0x58 with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)f[code[pc + 1]] <= (ulong)(long)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32GeS: // i32 compare 0x4E with an immediate [dst, a, imm]
                    f[code[pc]] = (int)f[code[pc + 1]] >= (int)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64GeS: // i64 compare 0x59 with an immediate [dst, a, imm]
                    f[code[pc]] = (long)f[code[pc + 1]] >= (long)(long)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I32GeU: // i32 compare 0x4F with an immediate [dst, a, imm]
                    f[code[pc]] = (uint)f[code[pc + 1]] >= (uint)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.WithImmediate + Opcode.I64GeU: // i64 compare 0x5A with an immediate [dst, a, imm]
                    f[code[pc]] = (ulong)f[code[pc + 1]] >= (ulong)(long)code[pc + 2] ? 1u : 0u;
                    pc += 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I32Eq: // br_if (i32 compare 0x46 with an immediate) [a, imm, target]
                    pc = (uint)f[code[pc]] == (uint)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I64Eq: // br_if (i64 compare 0x51 with an immediate) [a, imm, target]
                    pc = (ulong)f[code[pc]] == (ulong)(long)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I32Ne: // br_if (i32 compare 0x47 with an immediate) [a, imm, target]
                    pc = (uint)f[code[pc]] != (uint)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I64Ne: // br_if (i64 compare 0x52 with an immediate) [a, imm, target]
                    pc = (ulong)f[code[pc]] != (ulong)(long)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I32LtS: // br_if (i32 compare 0x48 with an immediate) [a, imm, target]
                    pc = (int)f[code[pc]] < (int)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I64LtS: // br_if (i64 compare 0x53 with an immediate) [a, imm, target]
                    pc = (long)f[code[pc]] < (long)(long)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I32LtU: // br_if (i32 compare 0x49 with an immediate) [a, imm, target]
                    pc = (uint)f[code[pc]] < (uint)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I64LtU: // br_if (i64 compare 0x54 with an immediate) [a, imm, target]
                    pc = (ulong)f[code[pc]] < (ulong)(long)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I32GtS: // br_if (i32 compare 0x4A with an immediate) [a, imm, target]
                    pc = (int)f[code[pc]] > (int)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I64GtS: // br_if (i64 compare 0x55 with an immediate) [a, imm, target]
                    pc = (long)f[code[pc]] > (long)(long)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I32GtU: // br_if (i32 compare 0x4B with an immediate) [a, imm, target]
                    pc = (uint)f[code[pc]] > (uint)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I64GtU: // br_if (i64 compare 0x56 with an immediate) [a, imm, target]
                    pc = (ulong)f[code[pc]] > (ulong)(long)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I32LeS: // br_if (i32 compare 0x4C with an immediate) [a, imm, target]
                    pc = (int)f[code[pc]] <= (int)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I64LeS: // br_if (i64 compare 0x57 with an immediate) [a, imm, target]
                    pc = (long)f[code[pc]] <= (long)(long)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I32LeU: // br_if (i32 compare 0x4D with an immediate) [a, imm, target]
                    pc = (uint)f[code[pc]] <= (uint)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I64LeU: // br_if (i64 compare 0x58 with an immediate) [a, imm, target]
                    pc = (ulong)f[code[pc]] <= (ulong)(long)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I32GeS: // br_if (i32 compare 0x4E with an immediate) [a, imm, target]
                    pc = (int)f[code[pc]] >= (int)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I64GeS: // br_if (i64 compare 0x59 with an immediate) [a, imm, target]
                    pc = (long)f[code[pc]] >= (long)(long)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I32GeU: // br_if (i32 compare 0x4F with an immediate) [a, imm, target]
                    pc = (uint)f[code[pc]] >= (uint)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                case Op.CompareImmediateBranch + Opcode.I64GeU: // br_if (i64 compare 0x5A with an immediate) [a, imm, target]
                    pc = (ulong)f[code[pc]] >= (ulong)(long)code[pc + 1] ? code[pc + 2] : pc + 3;
                    break;
                default:
                    throw new InvalidOperationException($"bad internal opcode {code[pc - 1]}");
            }

            continue;

        DoTailCall:
            if (--_fuel < 0)
            {
                Refuel();
            }

            if (callee.Host is not null)
            {
                // A host callee returns at once: run it, then return its results to our caller.
                var tailThrown = CallHost(callee, fp + argBase);
                MoveDown(f, argBase, callee.Type.Results.Length);
                if (--_depth == baseDepth)
                {
                    if (tailThrown is not null)
                    {
                        throw new UncaughtException(tailThrown);
                    }

                    return;
                }

                ref var resumed = ref _frames[_depth - 1];
                func = resumed.Func;
                fn = func.Code!;
                code = fn.CodePtr;
                pc = resumed.Pc;
                fp = resumed.Fp;
                f = s + fp;
                inst = func.Module!;
                mem = inst.Memory?.Data ?? [];
                globals = inst.Globals;
                if (tailThrown is not null)
                {
                    // The host replaced this frame: its exception is the caller's.
                    exn = tailThrown;
                    goto DoThrow;
                }

                continue;
            }

            {
                // The callee replaces this frame: same fp, same depth, so the host stack and
                // the frame stack stay flat however long a chain of tail calls runs.
                var tfn = callee.Code ?? callee.GetCode();
                if (fp + tfn.MaxHeight >= _stack.Length)
                {
                    throw Exhausted();
                }

                MoveDown(f, argBase, tfn.NumParams);
                for (var i = tfn.NumParams; i < tfn.NumLocals; i++)
                {
                    f[i] = 0;
                }

                _frames[_depth - 1] = new Frame { Func = callee, Fp = fp };
                func = callee;
                fn = tfn;
                code = fn.CodePtr;
                pc = 0;
                if (func.Module != inst)
                {
                    inst = func.Module!;
                    globals = inst.Globals;
                    mem = inst.Memory?.Data ?? [];
                }

                continue;
            }

        DoThrow:
            if (--_fuel < 0)
            {
                Refuel();
            }

            // Unwinds frame by frame in this loop (the host stack stays flat) to the innermost handler.
            while ((pc = Catch(fn, inst, fp, pc, exn)) < 0)
            {
                if (--_depth == baseDepth)
                {
                    throw new UncaughtException(exn);
                }

                ref var unwound = ref _frames[_depth - 1];
                func = unwound.Func;
                fn = func.Code!;
                pc = unwound.Pc;
                fp = unwound.Fp;
                inst = func.Module!;
            }

            code = fn.CodePtr;
            f = s + fp;
            mem = inst.Memory?.Data ?? [];
            globals = inst.Globals;
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
                var args = f + argBase;
                if (fp + argBase + np + nr >= _stack.Length)
                {
                    throw Exhausted();
                }

                _top = fp + argBase + np + nr;
                if (RunHost(host, args, np, nr) is { } thrown)
                {
                    exn = thrown;
                    goto DoThrow;
                }

                for (var i = 0; i < nr; i++)
                {
                    args[i] = args[np + i];
                }

                mem = inst.Memory?.Data ?? [];
                continue;
            }

            if (_depth >= _frames.Length - 1)
            {
                throw Exhausted();
            }

            _frames[_depth - 1].Pc = pc;
            var cfn = callee.Code ?? callee.GetCode();
            var nfp = fp + argBase;
            if (nfp + cfn.MaxHeight >= _stack.Length)
            {
                throw Exhausted();
            }

            f = s + nfp;
            for (var i = cfn.NumParams; i < cfn.NumLocals; i++)
            {
                f[i] = 0;
            }

            _frames[_depth++] = new Frame { Func = callee, Fp = nfp };
            func = callee;
            fn = cfn;
            code = fn.CodePtr;
            pc = 0;
            fp = nfp;
            if (func.Module != inst)
            {
                inst = func.Module!;
                globals = inst.Globals;
                mem = inst.Memory?.Data ?? [];
            }
        }
    }

    /// <summary>Moves a branch's values (source and destination may overlap downwards).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Move(ulong* f, int arity, int src, int dest)
    {
        if (src != dest)
        {
            for (var i = 0; i < arity; i++)
            {
                f[dest + i] = f[src + i];
            }
        }
    }
}
