using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

internal sealed partial class FunctionCompiler
{
    /// <summary>Type-checks and emits [op, dst, a].</summary>
    private void Unary(ValType a, ValType r, int op)
    {
        Pop(a);
        var sa = _ps;
        EmitDst(op, PushDst(r));
        Emit(sa);
    }

    /// <summary>Type-checks and emits [op, dst, a, b], or [Op.WithImmediate + op, dst, a, imm] when b is a small constant.</summary>
    private void Binary(ValType a, ValType r, int op)
    {
        Pop(a);
        var sb = _ps;
        Pop(a);
        var sa = _ps;
        if (HasImmediateForm(op) && sb == Canon(_vc + 1) && TakeConst(sb, out var imm))
        {
            EmitDst(Op.WithImmediate + op, PushDst(r));
            Emit(sa);
            Emit(imm);
            return;
        }

        EmitDst(op, PushDst(r));
        Emit(sa);
        Emit(sb);
    }

    private static bool HasImmediateForm(int op) =>
        op is (>= Opcode.I32Eq and <= Opcode.I32GeU) or (>= Opcode.I64Eq and <= Opcode.I64GeU) or Opcode.I32Add or Opcode.I32Sub or Opcode.I32Mul or (>= Opcode.I32And and <= Opcode.I32ShrU)
            or Opcode.I64Add or Opcode.I64Sub or Opcode.I64Mul or (>= Opcode.I64And and <= Opcode.I64ShrU);

    /// <summary>The opcode being translated by <see cref="Numeric"/> (read by the two-argument helpers below).</summary>
    private int _op;

    private void Unary(ValType a, ValType r) => Unary(a, r, _op);

    private void Binary(ValType a, ValType r) => Binary(a, r, _op);

    /// <summary>The numeric instructions 0x45..0xC4: their operand and result types by opcode range.</summary>
    private void Numeric(byte op)
    {
        _op = op;
        switch (op)
        {
            case Opcode.I32Eqz: Unary(I32, I32); break;
            case <= Opcode.I32GeU: Binary(I32, I32); break;
            case Opcode.I64Eqz: Unary(I64, I32); break;
            case <= Opcode.I64GeU: Binary(I64, I32); break;
            case <= Opcode.F32Ge: Binary(F32, I32); break;
            case <= Opcode.F64Ge: Binary(F64, I32); break;
            case <= Opcode.I32Popcnt: Unary(I32, I32); break;
            case <= Opcode.I32Rotr: Binary(I32, I32); break;
            case <= Opcode.I64Popcnt: Unary(I64, I64); break;
            case <= Opcode.I64Rotr: Binary(I64, I64); break;
            case <= Opcode.F32Sqrt: Unary(F32, F32); break;
            case <= Opcode.F32Copysign: Binary(F32, F32); break;
            case <= Opcode.F64Sqrt: Unary(F64, F64); break;
            case <= Opcode.F64Copysign: Binary(F64, F64); break;
            case Opcode.I32WrapI64: Unary(I64, I32); break;
            case Opcode.I32TruncF32S or Opcode.I32TruncF32U: Unary(F32, I32); break;
            case Opcode.I32TruncF64S or Opcode.I32TruncF64U: Unary(F64, I32); break;
            case Opcode.I64ExtendI32S or Opcode.I64ExtendI32U: Unary(I32, I64); break;
            case Opcode.I64TruncF32S or Opcode.I64TruncF32U: Unary(F32, I64); break;
            case Opcode.I64TruncF64S or Opcode.I64TruncF64U: Unary(F64, I64); break;
            case Opcode.F32ConvertI32S or Opcode.F32ConvertI32U: Unary(I32, F32); break;
            case Opcode.F32ConvertI64S or Opcode.F32ConvertI64U: Unary(I64, F32); break;
            case Opcode.F32DemoteF64: Unary(F64, F32); break;
            case Opcode.F64ConvertI32S or Opcode.F64ConvertI32U: Unary(I32, F64); break;
            case Opcode.F64ConvertI64S or Opcode.F64ConvertI64U: Unary(I64, F64); break;
            case Opcode.F64PromoteF32: Unary(F32, F64); break;
            case Opcode.I32ReinterpretF32: Unary(F32, I32); break;
            case Opcode.I64ReinterpretF64: Unary(F64, I64); break;
            case Opcode.F32ReinterpretI32: Unary(I32, F32); break;
            case Opcode.F64ReinterpretI64: Unary(I64, F64); break;
            case Opcode.I32Extend8S or Opcode.I32Extend16S: Unary(I32, I32); break;
            default: Unary(I64, I64); break;
        }
    }

    /// <summary>Natural alignment (log2) and value type of each load/store opcode (i32.load 0x28 .. i64.store32 0x3E).</summary>
    private static readonly (int Log2, ValType Type)[] Access =
    [
        (2, I32), (3, I64), (2, F32), (3, F64),
        (0, I32), (0, I32), (1, I32), (1, I32),
        (0, I64), (0, I64), (1, I64), (1, I64), (2, I64), (2, I64),
        (2, I32), (3, I64), (2, F32), (3, F64),
        (0, I32), (1, I32), (0, I64), (1, I64), (2, I64),
    ];

    private void MemoryAccess(byte op)
    {
        var (log2, type) = Access[op - Opcode.I32Load];
        var addressType = ReadMemArg(log2);
        int offset;
        if (op <= Opcode.I64Load32U)
        {
            Pop(addressType);
            (var sa, offset) = AccessAddress(_ps);
            BeginAccess();
            EmitDst(op, PushDst(type));
            Emit(sa);
        }
        else
        {
            Pop(type);
            var sv = _ps;
            Pop(addressType);
            (var sa, offset) = AccessAddress(_ps);
            BeginAccess();
            Emit(op, sa);
            Emit(sv);
        }

        Emit(offset);
        EndAccess();
    }

    /// <summary>Bulk instructions work on the materialized operand stack: [op, sp (relative), immediates].</summary>
    private void EmitBulk(int op)
    {
        MaterializeAll();
        Emit(op, Canon(_vc));
        _lastDst = -1;
    }

    private void Prefixed(uint sub)
    {
        switch (sub)
        {
            case PrefixedOpcode.I32TruncSatF32S or PrefixedOpcode.I32TruncSatF32U: Unary(F32, I32, Op.Prefix + (int)sub); return;
            case PrefixedOpcode.I32TruncSatF64S or PrefixedOpcode.I32TruncSatF64U: Unary(F64, I32, Op.Prefix + (int)sub); return;
            case PrefixedOpcode.I64TruncSatF32S or PrefixedOpcode.I64TruncSatF32U: Unary(F32, I64, Op.Prefix + (int)sub); return;
            case PrefixedOpcode.I64TruncSatF64S or PrefixedOpcode.I64TruncSatF64U: Unary(F64, I64, Op.Prefix + (int)sub); return;
            case PrefixedOpcode.MemoryInit:
                MemoryInit();
                return;
            case PrefixedOpcode.DataDrop:
                var d = DataIndex();
                EmitBulk(Op.DataDrop);
                Emit(d);
                return;
            case PrefixedOpcode.MemoryCopy:
                MemoryCopy();
                return;
            case PrefixedOpcode.MemoryFill:
                MemoryFill();
                return;
            case PrefixedOpcode.TableInit:
            {
                var seg = ElemIndex();
                var t = TableIndex();
                if (!Subtyping.Matches(_m, _m.Elements[seg].Type, _m.Tables[t].Element))
                {
                    throw Fail.Invalid("type mismatch: table.init element type");
                }

                MaterializeAll();
                SaturateOperand(2, TableIndexType(t));
                EmitBulk(Op.TableInit);
                Emit(seg);
                Emit(t);
                Pop(I32);
                Pop(I32);
                Pop(TableIndexType(t));
                return;
            }

            case PrefixedOpcode.ElemDrop:
                var e = ElemIndex();
                EmitBulk(Op.ElemDrop);
                Emit(e);
                return;
            case PrefixedOpcode.TableCopy:
            {
                var dst = TableIndex();
                var src = TableIndex();
                if (!Subtyping.Matches(_m, _m.Tables[src].Element, _m.Tables[dst].Element))
                {
                    throw Fail.Invalid("type mismatch: table.copy element types differ");
                }

                MaterializeAll();
                SaturateOperand(0, CopyLengthType(dst, src));
                SaturateOperand(1, TableIndexType(src));
                SaturateOperand(2, TableIndexType(dst));
                EmitBulk(Op.TableCopy);
                Emit(dst);
                Emit(src);
                Pop(CopyLengthType(dst, src));
                Pop(TableIndexType(src));
                Pop(TableIndexType(dst));
                return;
            }

            case PrefixedOpcode.TableGrow:
            {
                var t = TableIndex();
                MaterializeAll();
                SaturateOperand(0, TableIndexType(t));
                EmitBulk(Op.TableGrow);
                Emit(t);
                Pop(TableIndexType(t));
                Pop(_m.Tables[t].Element);
                Push(TableIndexType(t));
                SignExtendGrowResult(t);
                return;
            }

            case PrefixedOpcode.TableSize:
            {
                var t = TableIndex();
                EmitBulk(Op.TableSize);
                Emit(t);
                Push(TableIndexType(t));
                return;
            }

            case PrefixedOpcode.TableFill:
            {
                var t = TableIndex();
                MaterializeAll();
                SaturateOperand(0, TableIndexType(t));
                SaturateOperand(2, TableIndexType(t));
                EmitBulk(Op.TableFill);
                Emit(t);
                Pop(TableIndexType(t));
                Pop(_m.Tables[t].Element);
                Pop(TableIndexType(t));
                return;
            }

            default:
                throw Fail.Malformed($"illegal opcode fc {sub}");
        }
    }

    private int DataIndex()
    {
        var i = _r.U32();
        return i < (_m.DataCount ?? 0) ? (int)i : throw Fail.Invalid("unknown data segment");
    }

    private int ElemIndex()
    {
        var i = _r.U32();
        return i < _m.Elements.Count ? (int)i : throw Fail.Invalid("unknown elem segment");
    }
}
