using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// Peephole fusion while translating: a small constant becomes an immediate operand, a
/// compare feeding br_if / if becomes a compare-and-branch. Both only look at the last
/// emitted instruction, and only when nothing was emitted after it.
/// </summary>
internal sealed partial class FunctionCompiler
{
    /// <summary>Whether the last emitted instruction wrote <paramref name="slot"/> and nothing was emitted since.</summary>
    private bool LastIsDst(int slot) => _lastDst >= 0 && _lastDstEnd == _pc && _code[_lastDst] == slot;

    /// <summary>Opcode of the instruction that <see cref="_lastDst"/> belongs to.</summary>
    private int LastOp => _code[_lastDst - 1];

    /// <summary>Removes the last instruction (its value is folded into the next one).</summary>
    private void DropLast()
    {
        _pc = _lastDst - 1;
        _lastDst = -1;
    }

    /// <summary>When the last instruction is an i32/i64 constant that fits in an int, removes it and returns the value.</summary>
    private bool TakeConst(int slot, out int value)
    {
        value = 0;
        if (!LastIsDst(slot))
        {
            return false;
        }

        switch (LastOp)
        {
            case Op.I32Const:
                value = _code[_lastDst + 1];
                break;
            case Op.I64Const when _code[_lastDst + 2] == _code[_lastDst + 1] >> 31:
                value = _code[_lastDst + 1];
                break;
            default:
                return false;
        }

        DropLast();
        return true;
    }

    private static bool IsIntCompare(int op) => op is (>= Opcode.I32Eq and <= Opcode.I32GeU) or (>= Opcode.I64Eq and <= Opcode.I64GeU);

    /// <summary>The compare whose result is the negation of <paramref name="op"/> (integers only).</summary>
    private static int Negate(int op)
    {
        var i32 = op <= Opcode.I32GeU ? op : op - (Opcode.I64Eq - Opcode.I32Eq);
        var n = i32 switch
        {
            Opcode.I32Eq => Opcode.I32Ne,
            Opcode.I32Ne => Opcode.I32Eq,
            Opcode.I32LtS => Opcode.I32GeS,
            Opcode.I32GeS => Opcode.I32LtS,
            Opcode.I32LtU => Opcode.I32GeU,
            Opcode.I32GeU => Opcode.I32LtU,
            Opcode.I32GtS => Opcode.I32LeS,
            Opcode.I32LeS => Opcode.I32GtS,
            Opcode.I32GtU => Opcode.I32LeU,
            _ => Opcode.I32GtU,
        };
        return op <= Opcode.I32GeU ? n : n + (Opcode.I64Eq - Opcode.I32Eq);
    }

    /// <summary>
    /// Chooses the conditional jump on <paramref name="cond"/> (taken when it is non-zero, or zero
    /// when <paramref name="whenZero"/>), fusing (and removing) the compare that produced it when
    /// that is the last instruction. Emit it with <see cref="EmitCondJump"/> after materializing.
    /// </summary>
    private (int Op, int A, int B, bool Two) TakeCondJump(int cond, bool whenZero)
    {
        if (cond == Canon(_vc) && LastIsDst(cond))
        {
            var op = LastOp;
            var a = _code[_lastDst + 1];
            var b = _lastDst + 2 < _pc ? _code[_lastDst + 2] : 0;
            if (IsIntCompare(op))
            {
                DropLast();
                return (Op.CompareBranch + (whenZero ? Negate(op) : op), a, b, true);
            }

            if (op >= Op.WithImmediate && IsIntCompare(op - Op.WithImmediate))
            {
                DropLast();
                return (Op.CompareImmediateBranch + (whenZero ? Negate(op - Op.WithImmediate) : op - Op.WithImmediate), a, b, true);
            }

            if (op == Opcode.I32Eqz)
            {
                DropLast();
                return (whenZero ? Op.BrIf : Op.JumpIfZero, a, 0, false);
            }

            if (op == Opcode.I64Eqz)
            {
                DropLast();
                return (whenZero ? Op.BrIf64 : Op.JumpIfZero64, a, 0, false);
            }
        }

        return (whenZero ? Op.JumpIfZero : Op.BrIf, cond, 0, false);
    }

    /// <summary>Emits a jump chosen by <see cref="TakeCondJump"/>, without its target.</summary>
    private void EmitCondJump((int Op, int A, int B, bool Two) j)
    {
        Emit(j.Op);
        Emit(j.A);
        if (j.Two)
        {
            Emit(j.B);
        }

        _lastDst = -1;
    }
}
