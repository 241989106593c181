using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// GC instructions (3.0, the 0xFB prefix, and ref.eq). Allocation and field/element access
/// materialize the operand stack and work on canonical slots ([sp, immediates]: operands from
/// sp up, the result at sp); tests, casts and i31 take [dst, src]. any.convert_extern and
/// extern.convert_any keep the bits (<see cref="GcRef"/>), so they only retype the operand.
/// br_on_cast / br_on_cast_fail test into a scratch slot and reuse the br_if emission.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private const ValType AnyRef = (ValType)ValTypes.Any, EqRef = (ValType)ValTypes.Eq, ArrayRef = (ValType)ValTypes.Array;

    private SubType Def(uint x, CompositeKind kind)
    {
        if (x >= _m.Defs.Count)
        {
            throw Fail.Invalid("unknown type");
        }

        var d = _m.Defs[(int)x];
        return d.Kind == kind ? d : throw Fail.Invalid($"type mismatch: type {x} is not a {kind.ToString().ToLowerInvariant()} type");
    }

    /// <summary>Pops <paramref name="operands"/>, pushes <paramref name="result"/> and emits [Op.Gc + sub, sp, imms].</summary>
    private void GcAt(uint sub, ValType[] operands, ValType result, params int[] imms)
    {
        MaterializeAll();
        Pop(operands);
        var sp = Canon(_vc);
        if (result != ValType.Unknown)
        {
            Push(result);
        }

        Emit(Op.Gc + (int)sub);
        Emit(sp);
        foreach (var imm in imms)
        {
            Emit(imm);
        }

        _lastDst = -1;
    }

    private void RequireMutable(FieldType ft)
    {
        if (!ft.Mutable)
        {
            throw Fail.Invalid("immutable field");
        }
    }

    private static void RequireDefaultable(FieldType ft)
    {
        if (!ft.Type.Defaultable())
        {
            throw Fail.Invalid("type mismatch: field type is not defaultable");
        }
    }

    private void Gc(uint sub)
    {
        switch (sub)
        {
            case GcOpcode.StructNew:
            {
                var x = _r.U32();
                var d = Def(x, CompositeKind.Struct);
                GcAt(sub, [.. d.Fields.Select(f => f.Unpacked)], ValTypes.RefTo(x, false), (int)x);
                return;
            }

            case GcOpcode.StructNewDefault:
            {
                var x = _r.U32();
                var d = Def(x, CompositeKind.Struct);
                foreach (var f in d.Fields)
                {
                    RequireDefaultable(f);
                }

                GcAt(sub, [], ValTypes.RefTo(x, false), (int)x);
                return;
            }

            case GcOpcode.StructGet or GcOpcode.StructGetS or GcOpcode.StructGetU:
            {
                var x = _r.U32();
                var d = Def(x, CompositeKind.Struct);
                var y = _r.U32();
                var ft = y < d.Fields.Length ? d.Fields[y] : throw Fail.Invalid("unknown field");
                if ((ft.Packed != 0) != (sub != GcOpcode.StructGet))
                {
                    throw Fail.Invalid(ft.Packed != 0 ? "type mismatch: packed field needs get_s or get_u" : "type mismatch: field is not packed");
                }

                GcAt(sub, [ValTypes.RefTo(x, true)], ft.Unpacked, (int)x, (int)y);
                return;
            }

            case GcOpcode.StructSet:
            {
                var x = _r.U32();
                var d = Def(x, CompositeKind.Struct);
                var y = _r.U32();
                var ft = y < d.Fields.Length ? d.Fields[y] : throw Fail.Invalid("unknown field");
                RequireMutable(ft);
                GcAt(sub, [ValTypes.RefTo(x, true), ft.Unpacked], ValType.Unknown, (int)x, (int)y);
                return;
            }

            case GcOpcode.ArrayNew:
            {
                var x = _r.U32();
                var ft = Def(x, CompositeKind.Array).Fields[0];
                GcAt(sub, [ft.Unpacked, I32], ValTypes.RefTo(x, false), (int)x);
                return;
            }

            case GcOpcode.ArrayNewDefault:
            {
                var x = _r.U32();
                var ft = Def(x, CompositeKind.Array).Fields[0];
                RequireDefaultable(ft);
                GcAt(sub, [I32], ValTypes.RefTo(x, false), (int)x);
                return;
            }

            case GcOpcode.ArrayNewFixed:
            {
                var x = _r.U32();
                var ft = Def(x, CompositeKind.Array).Fields[0];
                var n = _r.U32();
                if (n > 10_000)
                {
                    throw Fail.Invalid("array.new_fixed: too many operands");
                }

                GcAt(sub, [.. Enumerable.Repeat(ft.Unpacked, (int)n)], ValTypes.RefTo(x, false), (int)x, (int)n);
                return;
            }

            case GcOpcode.ArrayNewData or GcOpcode.ArrayInitData:
            {
                var x = _r.U32();
                var ft = Def(x, CompositeKind.Array).Fields[0];
                var data = DataIndex();
                if (ft.Type.IsRef())
                {
                    throw Fail.Invalid("type mismatch: array type is not numeric or vector");
                }

                if (sub == GcOpcode.ArrayNewData)
                {
                    GcAt(sub, [I32, I32], ValTypes.RefTo(x, false), (int)x, data);
                }
                else
                {
                    RequireMutable(ft);
                    GcAt(sub, [ValTypes.RefTo(x, true), I32, I32, I32], ValType.Unknown, (int)x, data);
                }

                return;
            }

            case GcOpcode.ArrayNewElem or GcOpcode.ArrayInitElem:
            {
                var x = _r.U32();
                var ft = Def(x, CompositeKind.Array).Fields[0];
                var e = ElemIndex();
                if (!Subtyping.Matches(_m, _m.Elements[e].Type, ft.Type))
                {
                    throw Fail.Invalid("type mismatch: element segment does not match the array type");
                }

                if (sub == GcOpcode.ArrayNewElem)
                {
                    GcAt(sub, [I32, I32], ValTypes.RefTo(x, false), (int)x, e);
                }
                else
                {
                    RequireMutable(ft);
                    GcAt(sub, [ValTypes.RefTo(x, true), I32, I32, I32], ValType.Unknown, (int)x, e);
                }

                return;
            }

            case GcOpcode.ArrayGet or GcOpcode.ArrayGetS or GcOpcode.ArrayGetU:
            {
                var x = _r.U32();
                var ft = Def(x, CompositeKind.Array).Fields[0];
                if ((ft.Packed != 0) != (sub != GcOpcode.ArrayGet))
                {
                    throw Fail.Invalid(ft.Packed != 0 ? "type mismatch: packed array needs get_s or get_u" : "type mismatch: array is not packed");
                }

                GcAt(sub, [ValTypes.RefTo(x, true), I32], ft.Unpacked, (int)x);
                return;
            }

            case GcOpcode.ArraySet:
            {
                var x = _r.U32();
                var ft = Def(x, CompositeKind.Array).Fields[0];
                RequireMutable(ft);
                GcAt(sub, [ValTypes.RefTo(x, true), I32, ft.Unpacked], ValType.Unknown, (int)x);
                return;
            }

            case GcOpcode.ArrayLen:
                GcAt(sub, [ArrayRef], I32);
                return;
            case GcOpcode.ArrayFill:
            {
                var x = _r.U32();
                var ft = Def(x, CompositeKind.Array).Fields[0];
                RequireMutable(ft);
                GcAt(sub, [ValTypes.RefTo(x, true), I32, ft.Unpacked, I32], ValType.Unknown, (int)x);
                return;
            }

            case GcOpcode.ArrayCopy:
            {
                var x = _r.U32();
                var dt = Def(x, CompositeKind.Array).Fields[0];
                var y = _r.U32();
                var st = Def(y, CompositeKind.Array).Fields[0];
                RequireMutable(dt);
                if (dt.Packed != st.Packed || !Subtyping.Matches(_m, st.Type, dt.Type))
                {
                    throw Fail.Invalid("type mismatch: array types do not match");
                }

                GcAt(sub, [ValTypes.RefTo(x, true), I32, ValTypes.RefTo(y, true), I32, I32], ValType.Unknown, (int)x, (int)y);
                return;
            }

            case GcOpcode.RefTest or GcOpcode.RefTestNull or GcOpcode.RefCast or GcOpcode.RefCastNull:
            {
                var rt = CheckType(ValTypeReader.HeapType(_r, _m, nullable: sub is GcOpcode.RefTestNull or GcOpcode.RefCastNull));
                var t = PopRef(sub <= GcOpcode.RefTestNull ? "ref.test" : "ref.cast");
                CheckSameHierarchy(t, rt);
                var src = _ps;
                var test = sub <= GcOpcode.RefTestNull;
                EmitDst(Op.Gc + (int)(test ? GcOpcode.RefTest : GcOpcode.RefCast), PushDst(test ? I32 : rt));
                Emit(src);
                Emit((int)rt);
                return;
            }

            case GcOpcode.BrOnCast or GcOpcode.BrOnCastFail:
                BrOnCast(sub == GcOpcode.BrOnCastFail);
                return;
            case GcOpcode.AnyConvertExtern or GcOpcode.ExternConvertAny:
            {
                var from = sub == GcOpcode.AnyConvertExtern ? ValTypes.Extern : ValTypes.Any;
                var t = Pop(ValTypes.Ref(from, nullable: true));
                var src = _ps;
                var nullable = t == ValType.Unknown || t.Nullable();
                Push(ValTypes.Ref(sub == GcOpcode.AnyConvertExtern ? ValTypes.Any : ValTypes.Extern, nullable));
                _slot[_vc - 1] = src;
                return;
            }

            case GcOpcode.RefI31:
            {
                Pop(I32);
                var src = _ps;
                EmitDst(Op.Gc + (int)sub, PushDst(ValTypes.Ref(ValTypes.I31, nullable: false)));
                Emit(src);
                return;
            }

            case GcOpcode.I31GetS or GcOpcode.I31GetU:
            {
                Pop(ValTypes.Ref(ValTypes.I31, nullable: true));
                var src = _ps;
                EmitDst(Op.Gc + (int)sub, PushDst(I32));
                Emit(src);
                return;
            }

            default:
                throw Fail.Malformed($"illegal opcode fb {sub}");
        }
    }

    private void RefEq()
    {
        Pop(EqRef.AsNullable());
        var b = _ps;
        Pop(EqRef.AsNullable());
        var a = _ps;
        EmitDst(Op.RefEq, PushDst(I32));
        Emit(a);
        Emit(b);
    }

    /// <summary>A test or cast of <paramref name="actual"/> to <paramref name="target"/> needs both in one hierarchy.</summary>
    private void CheckSameHierarchy(ValType actual, ValType target)
    {
        if (actual != ValType.Unknown && Subtyping.TopOf(_m, actual) != Subtyping.TopOf(_m, target))
        {
            throw Fail.Invalid("type mismatch: cast between different type hierarchies");
        }
    }

    /// <summary>br_on_cast (branch when the cast succeeds) and br_on_cast_fail (when it fails).</summary>
    private void BrOnCast(bool onFail)
    {
        var flags = _r.Byte();
        if (flags > 3)
        {
            throw Fail.Malformed("malformed br_on_cast flags");
        }

        var c = Label(_r.U32());
        var rt1 = CheckType(ValTypeReader.HeapType(_r, _m, nullable: (flags & 1) != 0));
        var rt2 = CheckType(ValTypeReader.HeapType(_r, _m, nullable: (flags & 2) != 0));
        if (!Subtyping.Matches(_m, rt2, rt1))
        {
            throw Fail.Invalid("type mismatch: br_on_cast's target type must match its source type");
        }

        Pop(rt1);
        var src = _ps;
        // The type of the reference when the cast fails: rt1, without null when rt2 takes it.
        var diff = rt2.Nullable() ? rt1.AsNonNull() : rt1;
        var branchType = onFail ? diff : rt2;
        var lt = LabelTypes(c);
        if (lt.Length == 0 || !Subtyping.Matches(_m, branchType, lt[^1]))
        {
            throw Fail.Invalid("type mismatch: br_on_cast's label does not take the cast reference");
        }

        Push(branchType);
        _slot[_vc - 1] = src;
        MaterializeAll();
        var sr = _slot[_vc - 1];
        Pop(lt);
        Push(lt[..^1]);
        var cond = ScratchSlot();
        Emit(Op.Gc + (int)GcOpcode.RefTest, cond);
        Emit(sr);
        Emit((int)rt2);
        if (onFail)
        {
            Emit(Opcode.I32Eqz, cond);
            Emit(cond);
        }

        Push(lt[^1]);
        EmitBranch(c, true, cond);
        Pop();
        Push(onFail ? rt2 : diff);
    }
}
