using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// table64 (3.0): a table indexed by i64. The VM's table instructions take 32-bit indices, and no
/// table can hold 2^32 elements, so an i64 index or length is saturated to 32 bits first
/// (<see cref="Op.Index64"/>): whatever is out of bounds stays out of bounds and traps the same way.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private ValType TableIndexType(int t) => _m.Tables[t].Limits.IndexType;

    /// <summary>Pops an index into table <paramref name="t"/>; returns the slot that holds it as a 32-bit index.</summary>
    private int PopTableIndex(int t)
    {
        Pop(TableIndexType(t));
        if (TableIndexType(t) == ValType.I32)
        {
            return _ps;
        }

        var slot = Canon(_vc);
        Emit(Op.Index64, slot);
        Emit(_ps);
        _lastDst = -1;
        return slot;
    }

    /// <summary>
    /// Before a bulk instruction (operands materialized): saturates, in place, the operand
    /// <paramref name="fromTop"/> below the top when its type is i64.
    /// </summary>
    private void SaturateOperand(int fromTop, ValType type)
    {
        if (type != ValType.I64 || _ctrls[^1].Unreachable || _vc - 1 - fromTop < _ctrls[^1].Height)
        {
            return;
        }

        var slot = Canon(_vc - 1 - fromTop);
        Emit(Op.Index64, slot);
        Emit(slot);
        _lastDst = -1;
    }

    /// <summary>call_indirect through a table64: the index (materialized at <paramref name="slot"/>) saturated in place.</summary>
    private void SaturateCallIndex(int t, int slot)
    {
        if (TableIndexType(t) == ValType.I64 && !_ctrls[^1].Unreachable)
        {
            Emit(Op.Index64, slot);
            Emit(slot);
            _lastDst = -1;
        }
    }

    /// <summary>After table.grow of a table64: its i32 result (-1 on failure) as an i64.</summary>
    private void SignExtendGrowResult(int t)
    {
        if (TableIndexType(t) == ValType.I64)
        {
            Emit(Op.SignExtend32, Canon(_vc - 1));
            _lastDst = -1;
        }
    }

    /// <summary>The type of table.copy's length: i64 only when both tables are table64.</summary>
    private ValType CopyLengthType(int dst, int src) =>
        TableIndexType(dst) == ValType.I64 && TableIndexType(src) == ValType.I64 ? ValType.I64 : ValType.I32;
}
