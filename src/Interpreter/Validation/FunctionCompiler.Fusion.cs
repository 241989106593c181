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

    private static bool IsIntCompare(int op) => op is (>= 0x46 and <= 0x4F) or (>= 0x51 and <= 0x5A);

    /// <summary>The compare whose result is the negation of <paramref name="op"/> (integers only).</summary>
    private static int Negate(int op)
    {
        var i32 = op <= 0x4F ? op : op - 0x0B;
        var n = i32 switch
        {
            0x46 => 0x47,
            0x47 => 0x46,
            0x48 => 0x4E,
            0x4E => 0x48,
            0x49 => 0x4F,
            0x4F => 0x49,
            0x4A => 0x4C,
            0x4C => 0x4A,
            0x4B => 0x4D,
            _ => 0x4B,
        };
        return op <= 0x4F ? n : n + 0x0B;
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
                return (0x100 + (whenZero ? Negate(op) : op), a, b, true);
            }

            if (op >= 0x200 && IsIntCompare(op - 0x200))
            {
                DropLast();
                return (0x300 + (whenZero ? Negate(op - 0x200) : op - 0x200), a, b, true);
            }

            if (op == 0x45)
            {
                DropLast();
                return (whenZero ? Op.BrIf : Op.JumpIfZero, a, 0, false);
            }

            if (op == 0x50)
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
