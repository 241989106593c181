using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

// The 0xFD (SIMD) instructions: [Op.Simd + sub, operands...]; see SimdOpcodes for the shapes.
internal sealed partial class FunctionCompiler
{
    private const ValType V128 = ValType.V128;

    private void Simd(uint sub)
    {
        var kind = SimdOpcodes.Kind(sub);
        var op = (int)sub;
        if (sub is >= RelaxedSimd.First and <= RelaxedSimd.Last && _m.Wasm3)
        {
            (op, kind) = RelaxedSimd.Map(sub);
        }

        var code = Op.Simd + op;
        switch (kind)
        {
            case SimdKind.Load:
            case SimdKind.LoadLane:
            {
                var addressType = MemArg(op);
                var lane = kind == SimdKind.LoadLane ? LaneIndex(op) : 0;
                var sv = 0;
                if (kind == SimdKind.LoadLane)
                {
                    Pop(V128);
                    sv = _ps;
                }

                Pop(addressType);
                var (sa, offset) = AccessAddress(_ps);
                BeginAccess();
                EmitDst(code, PushDst(V128));
                Emit(sa);
                if (kind == SimdKind.LoadLane)
                {
                    Emit(sv);
                }

                Emit(offset);
                if (kind == SimdKind.LoadLane)
                {
                    Emit(lane);
                }

                EndAccess();
                break;
            }

            case SimdKind.Store:
            case SimdKind.StoreLane:
            {
                var addressType = MemArg(op);
                var lane = kind == SimdKind.StoreLane ? LaneIndex(op) : 0;
                Pop(V128);
                var sv = _ps;
                Pop(addressType);
                var (sa, offset) = AccessAddress(_ps);
                BeginAccess();
                Emit(code, sa);
                Emit(sv);
                Emit(offset);
                if (kind == SimdKind.StoreLane)
                {
                    Emit(lane);
                }

                EndAccess();
                _lastDst = -1;
                break;
            }

            case SimdKind.Const:
            {
                var lo = _r.Fixed64();
                var hi = _r.Fixed64();
                EmitDst(code, PushDst(V128));
                Emit((int)lo);
                Emit((int)(lo >> 32));
                Emit((int)hi);
                Emit((int)(hi >> 32));
                break;
            }

            case SimdKind.Shuffle:
            {
                var lanes = new int[4];
                for (var i = 0; i < 16; i++)
                {
                    var l = _r.Byte();
                    if (l >= 32)
                    {
                        throw Fail.Invalid("invalid lane index");
                    }

                    lanes[i / 4] |= l << (8 * (i % 4));
                }

                Pop(V128);
                var sb = _ps;
                Pop(V128);
                var sa = _ps;
                EmitDst(code, PushDst(V128));
                Emit(sa);
                Emit(sb);
                foreach (var l in lanes)
                {
                    Emit(l);
                }

                break;
            }

            case SimdKind.Unary or SimdKind.Test or SimdKind.Splat:
            {
                Pop(kind == SimdKind.Splat ? SimdOpcodes.Scalar(op) : V128);
                var sa = _ps;
                EmitDst(code, PushDst(kind == SimdKind.Test ? I32 : V128));
                Emit(sa);
                break;
            }

            case SimdKind.Binary or SimdKind.Shift:
            {
                Pop(kind == SimdKind.Shift ? I32 : V128);
                var sb = _ps;
                Pop(V128);
                var sa = _ps;
                EmitDst(code, PushDst(V128));
                Emit(sa);
                Emit(sb);
                break;
            }

            case SimdKind.Ternary:
            {
                Pop(V128);
                var sc = _ps;
                Pop(V128);
                var sb = _ps;
                Pop(V128);
                var sa = _ps;
                EmitDst(code, PushDst(V128));
                Emit(sa);
                Emit(sb);
                Emit(sc);
                break;
            }

            case SimdKind.Extract:
            {
                var lane = LaneIndex(op);
                Pop(V128);
                var sa = _ps;
                EmitDst(code, PushDst(SimdOpcodes.Scalar(op)));
                Emit(sa);
                Emit(lane);
                break;
            }

            case SimdKind.Replace:
            {
                var lane = LaneIndex(op);
                Pop(SimdOpcodes.Scalar(op));
                var sx = _ps;
                Pop(V128);
                var sa = _ps;
                EmitDst(code, PushDst(V128));
                Emit(sa);
                Emit(sx);
                Emit(lane);
                break;
            }

            default:
                throw Fail.Malformed($"illegal opcode fd {sub}");
        }
    }

    private ValType MemArg(int op) => ReadMemArg(SimdOpcodes.Align(op));

    private int LaneIndex(int op)
    {
        var lane = _r.Byte();
        return lane < SimdOpcodes.Lanes(op) ? lane : throw Fail.Invalid("invalid lane index");
    }

    /// <summary>Before a move of values of <paramref name="types"/> from src to dest: also moves the v128 high halves.</summary>
    private void EmitHiMove(ValType[] types, int src, int dest, int cond = -1)
    {
        if (src == dest || !HasV128(types))
        {
            return;
        }

        if (cond >= 0)
        {
            Emit(Op.Simd + SimdInternal.CondMoveHi, cond);
        }
        else
        {
            Emit(Op.Simd + SimdInternal.MoveHi);
        }

        Emit(types.Length);
        Emit(src);
        Emit(dest);
        _lastDst = -1;
    }

    private static bool HasV128(ValType[] types) => Array.IndexOf(types, V128) >= 0;

    /// <summary>A v128 local that is not a parameter starts at zero: clears its high half on entry.</summary>
    private void EmitZeroHi()
    {
        var n = 0;
        for (var i = _type.Params.Length; i < _locals.Length; i++)
        {
            n += _locals[i] == V128 ? 1 : 0;
        }

        if (n == 0)
        {
            return;
        }

        Emit(Op.Simd + SimdInternal.ZeroHi, n);
        for (var i = _type.Params.Length; i < _locals.Length; i++)
        {
            if (_locals[i] == V128)
            {
                Emit(i);
            }
        }
    }
}
