using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// Tail calls (3.0): <c>return_call</c> and <c>return_call_indirect</c>. The callee's results
/// must be the caller's; the VM moves the arguments to the frame base and reuses the frame, so
/// a tail-call loop runs in constant stack and frame depth.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private void ReturnCall()
    {
        var f = _r.U32();
        if (f >= _m.FuncTypeIndices.Count)
        {
            throw Fail.Invalid("unknown function");
        }

        var ft = _m.FuncType(f);
        RequireTailResults(ft);
        MaterializeAll();
        Pop(ft.Params);
        var argBase = Canon(_vc);
        EmitHiMove(ft.Params, argBase, 0);
        Emit(Op.ReturnCall, (int)f);
        Emit(argBase);
        SetUnreachable();
    }

    private void ReturnCallIndirect()
    {
        var (ti, table, ft) = ReadIndirectCall("return_call_indirect");
        RequireTailResults(ft);
        MaterializeAll();
        Pop(TableIndexType((int)table));
        Pop(ft.Params);
        var argBase = Canon(_vc);
        SaturateCallIndex((int)table, argBase + ft.Params.Length);
        EmitHiMove(ft.Params, argBase, 0);
        Emit(Op.ReturnCallIndirect, (int)ti);
        Emit((int)table);
        Emit(argBase);
        SetUnreachable();
    }

    /// <summary>Reads and checks the type and table immediates of call_indirect or return_call_indirect.</summary>
    private (uint TypeIndex, uint Table, FuncType Type) ReadIndirectCall(string instruction)
    {
        var ti = _r.U32();
        var table = _r.U32();
        if (table >= _m.Tables.Count)
        {
            throw Fail.Invalid("unknown table");
        }

        if (!Subtyping.Matches(_m, _m.Tables[(int)table].Element, ValType.FuncRef))
        {
            throw Fail.Invalid($"type mismatch: {instruction} needs a funcref table");
        }

        return (ti, table, _m.FuncTypeAt(ti));
    }

    private void RequireTailResults(FuncType callee)
    {
        if (!Subtyping.MatchesAll(_m, callee.Results, _type.Results))
        {
            throw Fail.Invalid("type mismatch: the callee's results must be the caller's");
        }
    }
}
