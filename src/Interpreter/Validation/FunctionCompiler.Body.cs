using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

internal sealed partial class FunctionCompiler
{
    private const ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64;

    private void Run()
    {
        var func = PushCtrl(KFunc, [], _type.Results);
        while (true)
        {
            var op = _r.Byte();
            switch (op)
            {
                case 0x00:
                    Emit(Op.Unreachable);
                    SetUnreachable();
                    break;
                case 0x01:
                    break;
                case 0x02:
                {
                    var (pin, pout) = ReadBlockType();
                    Pop(pin);
                    PushCtrl(KBlock, pin, pout);
                    break;
                }

                case 0x03:
                {
                    var (pin, pout) = ReadBlockType();
                    Pop(pin);
                    var c = PushCtrl(KLoop, pin, pout);
                    c.LabelPc = _pc;
                    Emit(Op.LoopHeader);
                    break;
                }

                case 0x04:
                {
                    var (pin, pout) = ReadBlockType();
                    Pop(I32);
                    Pop(pin);
                    var c = PushCtrl(KIf, pin, pout);
                    Emit(Op.JumpIfZero);
                    c.ElseFixup = _pc;
                    Emit(-1);
                    break;
                }

                case 0x05:
                {
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
                    break;
                }

                case 0x0B:
                {
                    var c = PopCtrl();
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
                        Emit(Op.Return);
                        if (!_r.AtEnd)
                        {
                            throw Fail.Malformed("section size mismatch: operators after final end");
                        }

                        return;
                    }

                    break;
                }

                case 0x0C:
                {
                    var c = Label(_r.U32());
                    Pop(LabelTypes(c));
                    Push(LabelTypes(c));
                    EmitBranch(c, false);
                    SetUnreachable();
                    break;
                }

                case 0x0D:
                {
                    var c = Label(_r.U32());
                    Pop(I32);
                    var lt = LabelTypes(c);
                    Pop(lt);
                    Push(lt);
                    EmitBranch(c, true);
                    break;
                }

                case 0x0E:
                    BrTable();
                    break;
                case 0x0F:
                    Pop(_type.Results);
                    Emit(Op.Return);
                    SetUnreachable();
                    break;
                case 0x10:
                {
                    var f = _r.U32();
                    if (f >= _m.FuncTypeIndices.Count)
                    {
                        throw Fail.Invalid("unknown function");
                    }

                    var ft = _m.FuncType(f);
                    Pop(ft.Params);
                    Push(ft.Results);
                    Emit(Op.Call, (int)f);
                    break;
                }

                case 0x11:
                {
                    var ti = _r.U32();
                    var table = _r.U32();
                    if (table >= _m.Tables.Count)
                    {
                        throw Fail.Invalid("unknown table");
                    }

                    if (_m.Tables[(int)table].Element != ValType.FuncRef)
                    {
                        throw Fail.Invalid("type mismatch: call_indirect needs a funcref table");
                    }

                    if (ti >= _m.Types.Count)
                    {
                        throw Fail.Invalid("unknown type");
                    }

                    var ft = _m.Types[(int)ti];
                    Pop(I32);
                    Pop(ft.Params);
                    Push(ft.Results);
                    Emit(Op.CallIndirect, (int)ti);
                    Emit((int)table);
                    break;
                }

                case 0x1A:
                    Pop();
                    Emit(Op.Drop);
                    break;
                case 0x1B:
                {
                    Pop(I32);
                    var t1 = Pop();
                    var t2 = Pop();
                    if (!(t1.IsNum() || t1 == ValType.Unknown) || !(t2.IsNum() || t2 == ValType.Unknown))
                    {
                        throw Fail.Invalid("type mismatch: select needs numeric operands");
                    }

                    if (t1 != t2 && t1 != ValType.Unknown && t2 != ValType.Unknown)
                    {
                        throw Fail.Invalid("type mismatch: select operands differ");
                    }

                    Push(t1 == ValType.Unknown ? t2 : t1);
                    Emit(Op.Select);
                    break;
                }

                case 0x1C:
                {
                    var n = _r.U32();
                    if (n != 1)
                    {
                        throw Fail.Invalid("invalid result arity");
                    }

                    var t = Decoder.CheckValType(_r.Byte());
                    Pop(I32);
                    Pop(t);
                    Pop(t);
                    Push(t);
                    Emit(Op.Select);
                    break;
                }

                case 0x20:
                {
                    var i = LocalIndex();
                    Push(_locals[i]);
                    Emit(Op.LocalGet, i);
                    break;
                }

                case 0x21:
                {
                    var i = LocalIndex();
                    Pop(_locals[i]);
                    Emit(Op.LocalSet, i);
                    break;
                }

                case 0x22:
                {
                    var i = LocalIndex();
                    Pop(_locals[i]);
                    Push(_locals[i]);
                    Emit(Op.LocalTee, i);
                    break;
                }

                case 0x23:
                {
                    var g = GlobalIndex();
                    Push(_m.GlobalTypes[g].Type);
                    Emit(Op.GlobalGet, g);
                    break;
                }

                case 0x24:
                {
                    var g = GlobalIndex();
                    if (!_m.GlobalTypes[g].Mutable)
                    {
                        throw Fail.Invalid("global is immutable");
                    }

                    Pop(_m.GlobalTypes[g].Type);
                    Emit(Op.GlobalSet, g);
                    break;
                }

                case 0x25:
                {
                    var t = TableIndex();
                    Pop(I32);
                    Push(_m.Tables[t].Element);
                    Emit(Op.TableGet, t);
                    break;
                }

                case 0x26:
                {
                    var t = TableIndex();
                    Pop(_m.Tables[t].Element);
                    Pop(I32);
                    Emit(Op.TableSet, t);
                    break;
                }

                case >= 0x28 and <= 0x3E:
                    MemoryAccess(op);
                    break;
                case 0x3F:
                    _r.Byte();
                    RequireMemory();
                    Push(I32);
                    Emit(Op.MemorySize);
                    break;
                case 0x40:
                    _r.Byte();
                    RequireMemory();
                    Pop(I32);
                    Push(I32);
                    Emit(Op.MemoryGrow);
                    break;
                case 0x41:
                    Push(I32);
                    Emit(Op.I32Const, _r.S32());
                    break;
                case 0x42:
                {
                    Push(I64);
                    var v = _r.S64();
                    Emit(Op.I64Const, (int)v);
                    Emit((int)(v >> 32));
                    break;
                }

                case 0x43:
                    Push(F32);
                    Emit(Op.F32Const, (int)_r.Fixed32());
                    break;
                case 0x44:
                {
                    Push(F64);
                    var v = _r.Fixed64();
                    Emit(Op.F64Const, (int)v);
                    Emit((int)(v >> 32));
                    break;
                }

                case >= 0x45 and <= 0xC4:
                    Numeric(op);
                    Emit(op);
                    break;
                case 0xD0:
                    Push(Decoder.CheckValType(_r.Byte()));
                    Emit(Op.RefNull);
                    break;
                case 0xD1:
                {
                    var t = Pop();
                    if (!t.IsRef() && t != ValType.Unknown)
                    {
                        throw Fail.Invalid("type mismatch: ref.is_null needs a reference");
                    }

                    Push(I32);
                    Emit(Op.RefIsNull);
                    break;
                }

                case 0xD2:
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

                    Push(ValType.FuncRef);
                    Emit(Op.RefFunc, (int)f);
                    break;
                }

                case 0xFC:
                    Prefixed(_r.U32());
                    break;
                default:
                    throw Fail.Malformed($"illegal opcode {op:x2}");
            }
        }
    }

    private int LocalIndex()
    {
        var i = _r.U32();
        return i < _locals.Length ? (int)i : throw Fail.Invalid("unknown local");
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
        var dflt = Label(depths[n]);
        var arity = LabelTypes(dflt).Length;
        Emit(Op.BrTable, (int)n);
        Emit(arity);
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
            Emit(_locals.Length + c.Height);
        }

        Pop(LabelTypes(dflt));
        SetUnreachable();
    }
}
