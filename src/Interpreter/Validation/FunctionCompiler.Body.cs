using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

// One switch over the opcodes: validation and translation of each instruction side by side.
internal sealed partial class FunctionCompiler
{
    private const ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64;

    private void Run()
    {
        var func = PushCtrl(KFunc, [], _type.Results);
        EmitZeroHi();
        while (true)
        {
            if (_lastDst >= 0 && _lastDstEnd < 0)
            {
                _lastDstEnd = _pc;
            }

            var op = _r.Byte();
            switch (op)
            {
                case Opcode.Unreachable:
                    Emit(Op.Unreachable);
                    SetUnreachable();
                    break;
                case Opcode.Nop:
                    break;
                case Opcode.Block:
                {
                    var (pin, pout) = ReadBlockType();
                    MaterializeAll();
                    Pop(pin);
                    PushCtrl(KBlock, pin, pout);
                    _lastDst = -1;
                    break;
                }

                case Opcode.Loop:
                {
                    var (pin, pout) = ReadBlockType();
                    MaterializeAll();
                    Pop(pin);
                    var c = PushCtrl(KLoop, pin, pout);
                    c.LabelPc = _pc;
                    Emit(Op.LoopHeader);
                    _lastDst = -1;
                    break;
                }

                case Opcode.If:
                {
                    var (pin, pout) = ReadBlockType();
                    Pop(I32);
                    var jump = TakeCondJump(_ps, whenZero: true);
                    MaterializeAll();
                    EmitCondJump(jump);
                    Pop(pin);
                    var c = PushCtrl(KIf, pin, pout);
                    c.ElseFixup = _pc;
                    Emit(-1);
                    break;
                }

                case Opcode.Else:
                {
                    MaterializeAll();
                    var c = PopCtrl();
                    if (c.Kind != KIf)
                    {
                        throw Fail.Invalid("else without if");
                    }

                    Emit(Op.Jump);
                    (c.Fixups ??= []).Add(_pc);
                    Emit(-1);
                    _code[c.ElseFixup] = _pc;
                    c.ElseFixup = -1;
                    var e = PushCtrl(KElse, c.Start, c.End);
                    e.Fixups = c.Fixups;
                    _lastDst = -1;
                    break;
                }

                case Opcode.End:
                {
                    MaterializeAll();
                    var c = PopCtrl();
                    EndTryTable(c);
                    EndLegacyTry(c);
                    if (c.Kind == KIf)
                    {
                        if (!c.Start.AsSpan().SequenceEqual(c.End))
                        {
                            throw Fail.Invalid("type mismatch: if without else must not change the stack type");
                        }

                        _code[c.ElseFixup] = _pc;
                    }

                    PatchHere(c.Fixups);
                    Push(c.End);
                    if (c == func)
                    {
                        EmitHiMove(_type.Results, Canon(0), 0);
                        Emit(Op.Return);
                        Emit(Canon(0));
                        if (!_r.AtEnd)
                        {
                            throw Fail.Malformed("section size mismatch: operators after final end");
                        }

                        return;
                    }

                    break;
                }

                case Opcode.Br:
                {
                    var c = Label(_r.U32());
                    MaterializeAll();
                    Pop(LabelTypes(c));
                    Push(LabelTypes(c));
                    EmitBranch(c, false);
                    SetUnreachable();
                    break;
                }

                case Opcode.BrIf:
                {
                    var c = Label(_r.U32());
                    Pop(I32);
                    var cond = _ps;
                    var lt = LabelTypes(c);
                    if (!_ctrls[^1].Unreachable && _vc - lt.Length == c.Height)
                    {
                        // No values to move: a plain conditional jump, fused with its compare.
                        var jump = TakeCondJump(cond, whenZero: false);
                        MaterializeAll();
                        Pop(lt);
                        Push(lt);
                        EmitCondJump(jump);
                        EmitTarget(c);
                        break;
                    }

                    MaterializeAll();
                    Pop(lt);
                    Push(lt);
                    EmitBranch(c, true, cond);
                    break;
                }

                case Opcode.BrTable:
                    BrTable();
                    break;
                case Opcode.Return:
                    MaterializeAll();
                    EmitHiMove(_type.Results, Canon(_vc - _type.Results.Length), 0);
                    Emit(Op.Return);
                    Emit(Canon(_vc - _type.Results.Length));
                    Pop(_type.Results);
                    SetUnreachable();
                    break;
                case Opcode.Call:
                {
                    var f = _r.U32();
                    if (f >= _m.FuncTypeIndices.Count)
                    {
                        throw Fail.Invalid("unknown function");
                    }

                    var ft = _m.FuncType(f);
                    MaterializeAll();
                    Pop(ft.Params);
                    var argBase = Canon(_vc);
                    Push(ft.Results);
                    Emit(Op.Call, (int)f);
                    Emit(argBase);
                    _lastDst = -1;
                    break;
                }

                case Opcode.ReturnCall:
                    ReturnCall();
                    break;
                case Opcode.ReturnCallIndirect:
                    ReturnCallIndirect();
                    break;
                case Opcode.CallRef:
                    CallRef();
                    break;
                case Opcode.ReturnCallRef:
                    ReturnCallRef();
                    break;
                case Opcode.RefAsNonNull:
                    RefAsNonNull();
                    break;
                case Opcode.Throw when _m.Wasm3:
                    Throw();
                    break;
                case Opcode.ThrowRef when _m.Wasm3:
                    ThrowRef();
                    break;
                case Opcode.TryTable when _m.Wasm3:
                    TryTable();
                    break;
                case Opcode.Try when _m.Wasm3:
                    LegacyTryStart();
                    break;
                case Opcode.Catch when _m.Wasm3:
                    LegacyCatch(catchAll: false);
                    break;
                case Opcode.CatchAll when _m.Wasm3:
                    LegacyCatch(catchAll: true);
                    break;
                case Opcode.Delegate when _m.Wasm3:
                    LegacyDelegate();
                    break;
                case Opcode.Rethrow when _m.Wasm3:
                    LegacyRethrow();
                    break;
                case Opcode.BrOnNull:
                    BrOnNull();
                    break;
                case Opcode.BrOnNonNull:
                    BrOnNonNull();
                    break;
                case Opcode.CallIndirect:
                {
                    var (ti, table, ft) = ReadIndirectCall("call_indirect");
                    MaterializeAll();
                    Pop(TableIndexType((int)table));
                    Pop(ft.Params);
                    var argBase = Canon(_vc);
                    SaturateCallIndex((int)table, argBase + ft.Params.Length);
                    Push(ft.Results);
                    Emit(Op.CallIndirect, (int)ti);
                    Emit((int)table);
                    Emit(argBase);
                    _lastDst = -1;
                    break;
                }

                case Opcode.Drop:
                    Pop();
                    break;
                case Opcode.Select:
                {
                    Pop(I32);
                    var sc = _ps;
                    var t1 = Pop();
                    var sb = _ps;
                    var t2 = Pop();
                    var sa = _ps;
                    if (!(t1.IsNum() || t1 is ValType.Unknown or V128) || !(t2.IsNum() || t2 is ValType.Unknown or V128))
                    {
                        throw Fail.Invalid("type mismatch: select needs numeric operands");
                    }

                    if (t1 != t2 && t1 != ValType.Unknown && t2 != ValType.Unknown)
                    {
                        throw Fail.Invalid("type mismatch: select operands differ");
                    }

                    var st = t1 == ValType.Unknown ? t2 : t1;
                    EmitDst(st == V128 ? Op.Simd + SimdInternal.Select128 : Op.Select, PushDst(st));
                    Emit(sa);
                    Emit(sb);
                    Emit(sc);
                    break;
                }

                case Opcode.SelectT:
                {
                    var n = _r.U32();
                    if (n != 1)
                    {
                        throw Fail.Invalid("invalid result arity");
                    }

                    var t = CheckType(ValTypeReader.ValueType(_r, _m));
                    Pop(I32);
                    var sc = _ps;
                    Pop(t);
                    var sb = _ps;
                    Pop(t);
                    var sa = _ps;
                    EmitDst(t == V128 ? Op.Simd + SimdInternal.Select128 : Op.Select, PushDst(t));
                    Emit(sa);
                    Emit(sb);
                    Emit(sc);
                    break;
                }

                case Opcode.LocalGet:
                {
                    var i = LocalIndex();
                    RequireInit(i);
                    Push(_locals[i]);
                    _slot[_vc - 1] = i;
                    break;
                }

                case Opcode.LocalSet:
                {
                    SetLocal(LocalIndex());
                    break;
                }

                case Opcode.LocalTee:
                {
                    var i = LocalIndex();
                    SetLocal(i);
                    Push(_locals[i]);
                    _slot[_vc - 1] = i;
                    break;
                }

                case Opcode.GlobalGet:
                {
                    var g = GlobalIndex();
                    var gt = _m.GlobalTypes[g].Type;
                    EmitDst(gt == V128 ? Op.Simd + SimdInternal.GlobalGet128 : Op.GlobalGet, PushDst(gt));
                    Emit(g);
                    break;
                }

                case Opcode.GlobalSet:
                {
                    var g = GlobalIndex();
                    if (!_m.GlobalTypes[g].Mutable)
                    {
                        throw Fail.Invalid("global is immutable");
                    }

                    Pop(_m.GlobalTypes[g].Type);
                    Emit(_m.GlobalTypes[g].Type == V128 ? Op.Simd + SimdInternal.GlobalSet128 : Op.GlobalSet, _ps);
                    Emit(g);
                    break;
                }

                case Opcode.TableGet:
                {
                    var t = TableIndex();
                    var si = PopTableIndex(t);
                    EmitDst(Op.TableGet, PushDst(_m.Tables[t].Element));
                    Emit(si);
                    Emit(t);
                    break;
                }

                case Opcode.TableSet:
                {
                    var t = TableIndex();
                    Pop(_m.Tables[t].Element);
                    var sv = _ps;
                    Emit(Op.TableSet, PopTableIndex(t));
                    Emit(sv);
                    Emit(t);
                    break;
                }

                case >= Opcode.I32Load and <= Opcode.I64Store32:
                    MemoryAccess(op);
                    break;
                case Opcode.MemorySize:
                    MemorySize();
                    break;
                case Opcode.MemoryGrow:
                    MemoryGrow();
                    break;
                case Opcode.I32Const:
                    EmitDst(Op.I32Const, PushDst(I32));
                    Emit(_r.S32());
                    break;
                case Opcode.I64Const:
                {
                    var v = _r.S64();
                    EmitDst(Op.I64Const, PushDst(I64));
                    Emit((int)v);
                    Emit((int)(v >> 32));
                    break;
                }

                case Opcode.F32Const:
                    EmitDst(Op.F32Const, PushDst(F32));
                    Emit((int)_r.Fixed32());
                    break;
                case Opcode.F64Const:
                {
                    var v = _r.Fixed64();
                    EmitDst(Op.F64Const, PushDst(F64));
                    Emit((int)v);
                    Emit((int)(v >> 32));
                    break;
                }

                case >= Opcode.I32Eqz and <= Opcode.I64Extend32S:
                    Numeric(op);
                    break;
                case Opcode.RefNull:
                    EmitDst(Op.RefNull, PushDst(CheckType(ValTypeReader.HeapType(_r, _m, nullable: true))));
                    break;
                case Opcode.RefIsNull:
                {
                    var t = Pop();
                    if (!t.IsRef() && t != ValType.Unknown)
                    {
                        throw Fail.Invalid("type mismatch: ref.is_null needs a reference");
                    }

                    var sr = _ps;
                    EmitDst(Op.RefIsNull, PushDst(I32));
                    Emit(sr);
                    break;
                }

                case Opcode.RefFunc:
                {
                    var f = _r.U32();
                    if (f >= _m.FuncTypeIndices.Count)
                    {
                        throw Fail.Invalid("unknown function");
                    }

                    if (!_m.DeclaredRefs.Contains(f))
                    {
                        throw Fail.Invalid("undeclared function reference");
                    }

                    EmitDst(Op.RefFunc, PushDst(_m.Wasm3 ? ValTypes.RefTo(_m.FuncTypeIndices[(int)f], nullable: false) : ValType.FuncRef));
                    Emit((int)f);
                    break;
                }

                case Opcode.PrefixFC:
                    Prefixed(_r.U32());
                    break;
                case Opcode.PrefixSimd:
                    Simd(_r.U32());
                    break;
                case Opcode.PrefixGc when _m.Wasm3:
                    Gc(_r.U32());
                    break;
                case Opcode.RefEq when _m.Wasm3:
                    RefEq();
                    break;
                default:
                    throw Fail.Malformed($"illegal opcode {op:x2}");
            }
        }
    }

    private int LocalIndex()
    {
        var i = _r.U32();
        return i < _visibleLocals ? (int)i : throw Fail.Invalid("unknown local");
    }

    private int GlobalIndex()
    {
        var i = _r.U32();
        return i < _m.GlobalTypes.Count ? (int)i : throw Fail.Invalid("unknown global");
    }

    private int TableIndex()
    {
        var i = _r.U32();
        return i < _m.Tables.Count ? (int)i : throw Fail.Invalid("unknown table");
    }

    private void RequireMemory()
    {
        if (_m.Memories.Count == 0)
        {
            throw Fail.Invalid("unknown memory 0");
        }
    }

    private void BrTable()
    {
        var n = _r.U32();
        var depths = new uint[n + 1];
        for (var i = 0; i <= n; i++)
        {
            depths[i] = _r.U32();
        }

        Pop(I32);
        var cond = _ps;
        MaterializeAll();
        var dflt = Label(depths[n]);
        var arity = LabelTypes(dflt).Length;
        if (HasV128(LabelTypes(dflt)))
        {
            Emit(Op.Simd + SimdInternal.BrTableHi);
        }

        Emit(Op.BrTable, cond);
        Emit((int)n);
        Emit(arity);
        Emit(Canon(_vc - arity));
        foreach (var d in depths)
        {
            var c = Label(d);
            var lt = LabelTypes(c);
            if (lt.Length != arity)
            {
                throw Fail.Invalid("type mismatch: br_table targets differ in arity");
            }

            // push_vals(pop_vals(label_types)) keeps refined types of a polymorphic stack.
            var popped = new ValType[lt.Length];
            for (var i = lt.Length - 1; i >= 0; i--)
            {
                popped[i] = Pop(lt[i]);
            }

            Push(popped);
            EmitTarget(c);
            Emit(Canon(c.Height));
        }

        Pop(LabelTypes(dflt));
        SetUnreachable();
    }
}
