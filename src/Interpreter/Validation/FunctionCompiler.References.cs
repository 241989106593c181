using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// Typed function references (3.0): <c>ref.as_non_null</c>, <c>br_on_null</c>,
/// <c>br_on_non_null</c>, <c>call_ref</c> and <c>return_call_ref</c>. A reference is one slot,
/// 0 when null. The branches compute <c>ref.is_null</c> into a scratch slot above the operand
/// stack and reuse the <c>br_if</c> emission.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private ValType PopRef(string instruction)
    {
        var t = Pop();
        return t.IsRef() || t == ValType.Unknown ? t : throw Fail.Invalid($"type mismatch: {instruction} needs a reference");
    }

    private void RefAsNonNull()
    {
        var t = PopRef("ref.as_non_null");
        var sr = _ps;
        EmitDst(Op.RefAsNonNull, PushDst(t.AsNonNull()));
        Emit(sr);
    }

    /// <summary>A slot above every operand, for a condition computed just before a branch.</summary>
    private int ScratchSlot()
    {
        if (_vc + 2 > _maxHeight)
        {
            _maxHeight = _vc + 2;
        }

        return Canon(_vc + 1);
    }

    private void BrOnNull()
    {
        var c = Label(_r.U32());
        var t = PopRef("br_on_null");
        var sr = _ps;
        var lt = LabelTypes(c);
        MaterializeAll();
        Pop(lt);
        Push(lt);
        var cond = ScratchSlot();
        Emit(Op.RefIsNull, cond);
        Emit(sr);
        EmitBranch(c, true, cond);
        Push(t.AsNonNull());
        _slot[_vc - 1] = sr;
    }

    private void BrOnNonNull()
    {
        var c = Label(_r.U32());
        var t = PopRef("br_on_non_null");
        var src = _ps;
        var lt = LabelTypes(c);
        if (lt.Length == 0 || !(lt[^1].IsRef() || lt[^1] == ValType.Unknown))
        {
            throw Fail.Invalid("type mismatch: br_on_non_null needs a label that takes a reference");
        }

        Push(t.AsNonNull());
        _slot[_vc - 1] = src;
        MaterializeAll();
        var sr = _slot[_vc - 1];
        Pop(lt);
        Push(lt[..^1]);
        var cond = ScratchSlot();
        Emit(Op.RefIsNull, cond);
        Emit(sr);
        Emit(Opcode.I32Eqz, cond);
        Emit(cond);
        Push(lt[^1]);
        EmitBranch(c, true, cond);
        Pop();
    }

    /// <summary>Reads call_ref's type immediate and pops the (ref null $t) it calls.</summary>
    private (uint TypeIndex, FuncType Type) ReadRefCall()
    {
        var ti = _r.U32();
        var ft = _m.FuncTypeAt(ti);
        MaterializeAll();
        Pop(ValTypes.RefTo(ti, nullable: true));
        return (ti, ft);
    }

    private void CallRef()
    {
        var (ti, ft) = ReadRefCall();
        Pop(ft.Params);
        var argBase = Canon(_vc);
        Push(ft.Results);
        Emit(Op.CallRef, (int)ti);
        Emit(argBase);
        _lastDst = -1;
    }

    private void ReturnCallRef()
    {
        var (ti, ft) = ReadRefCall();
        RequireTailResults(ft);
        Pop(ft.Params);
        var argBase = Canon(_vc);
        EmitHiMove(ft.Params, argBase, 0);
        Emit(Op.ReturnCallRef, (int)ti);
        Emit(argBase);
        SetUnreachable();
    }
}
