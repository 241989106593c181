using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Runtime;

// GC instructions (3.0), out of the hot method. Formats after the opcode (Op.Gc + GcOpcode):
// allocation and access take [sp, immediates...]: the operands in slots sp, sp+1, ... and the
// result (if any) written to sp. ref.test / ref.cast / ref.i31 / i31.get take [dst, src(, type)],
// ref.eq [dst, a, b]; a type operand is a module value type (concrete ones by module type index).
internal sealed unsafe partial class Vm
{
    private GcHeap Heap => _store.Heap;

    /// <summary>Runs the GC instruction at <paramref name="pc"/> (just past its opcode); returns the next pc. <paramref name="top"/>: the end of the stack in use.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Gc(int* code, int pc, int fp, ModuleInstance inst, int top)
    {
        var f = _s + fp;
        var h = HiBase() + fp;
        var op = (uint)(code[pc - 1] - Op.Gc);
        var m = inst.Module;
        switch (op)
        {
            case Op.RefEq - Op.Gc:
                f[code[pc]] = f[code[pc + 1]] == f[code[pc + 2]] ? 1u : 0u;
                return pc + 3;
            case GcOpcode.RefI31:
                f[code[pc]] = GcRef.I31((uint)f[code[pc + 1]]);
                return pc + 2;
            case GcOpcode.I31GetS or GcOpcode.I31GetU:
            {
                var v = f[code[pc + 1]];
                if (v == 0)
                {
                    throw Trap("null i31 reference");
                }

                f[code[pc]] = op == GcOpcode.I31GetU ? v & 0x7FFF_FFFF : (uint)((int)((uint)v << 1) >> 1);
                return pc + 2;
            }

            case GcOpcode.RefTest:
                f[code[pc]] = RefTest(f[code[pc + 1]], (ValType)code[pc + 2], m) ? 1u : 0u;
                return pc + 3;
            case GcOpcode.RefCast:
            {
                var v = f[code[pc + 1]];
                f[code[pc]] = RefTest(v, (ValType)code[pc + 2], m) ? v : throw Trap("cast failure");
                return pc + 3;
            }
        }

        var sp = code[pc];
        var s = f + sp;
        switch (op)
        {
            case GcOpcode.StructNew or GcOpcode.StructNewDefault:
            {
                var t = m.Canon(code[pc + 1]);
                var o = new GcObject(t, Reserve(inst, t.Slots, top), 0);
                if (op == GcOpcode.StructNew)
                {
                    for (var i = 0; i < t.Fields.Length; i++)
                    {
                        Store(o.Slots, t.SlotOf[i], t.Fields[i], s[i], h[sp + i]);
                    }
                }

                s[0] = Heap.Add(o);
                return pc + 2;
            }

            case GcOpcode.StructGet or GcOpcode.StructGetS or GcOpcode.StructGetU:
            {
                var o = Object(s[0], "null structure reference");
                var y = code[pc + 2];
                s[0] = Load(o.Slots, o.Type.SlotOf[y], o.Type.Fields[y], op == GcOpcode.StructGetS, out h[sp]);
                return pc + 3;
            }

            case GcOpcode.StructSet:
            {
                var o = Object(s[0], "null structure reference");
                var y = code[pc + 2];
                Store(o.Slots, o.Type.SlotOf[y], o.Type.Fields[y], s[1], h[sp + 1]);
                return pc + 3;
            }

            case GcOpcode.ArrayNew or GcOpcode.ArrayNewDefault:
            {
                var t = m.Canon(code[pc + 1]);
                var n = (uint)s[op == GcOpcode.ArrayNew ? 1 : 0];
                var o = new GcObject(t, Reserve(inst, (long)n * t.Slots, top), (int)n);
                if (op == GcOpcode.ArrayNew)
                {
                    for (var i = 0; i < n; i++)
                    {
                        Store(o.Slots, i * t.Slots, t.Fields[0], s[0], h[sp]);
                    }
                }

                s[0] = Heap.Add(o);
                return pc + 2;
            }

            case GcOpcode.ArrayNewFixed:
            {
                var t = m.Canon(code[pc + 1]);
                var n = code[pc + 2];
                var o = new GcObject(t, Reserve(inst, (long)n * t.Slots, top), n);
                for (var i = 0; i < n; i++)
                {
                    Store(o.Slots, i * t.Slots, t.Fields[0], s[i], h[sp + i]);
                }

                s[0] = Heap.Add(o);
                return pc + 3;
            }

            case GcOpcode.ArrayNewData:
            {
                var t = m.Canon(code[pc + 1]);
                var d = code[pc + 2];
                var (offset, n) = ((uint)s[0], (uint)s[1]);
                var bytes = DataBytes(inst, d, offset, n, ElementBytes(t.Fields[0]));
                var o = new GcObject(t, Reserve(inst, (long)n * t.Slots, top), (int)n);
                FillFromData(o, 0, bytes);
                s[0] = Heap.Add(o);
                return pc + 3;
            }

            case GcOpcode.ArrayNewElem:
            {
                var t = m.Canon(code[pc + 1]);
                var seg = ElemRange(inst, code[pc + 2], (uint)s[0], (uint)s[1]);
                var o = new GcObject(t, Reserve(inst, seg.Length, top), seg.Length);
                seg.CopyTo(o.Slots);
                s[0] = Heap.Add(o);
                return pc + 3;
            }

            case GcOpcode.ArrayGet or GcOpcode.ArrayGetS or GcOpcode.ArrayGetU:
            {
                var o = Object(s[0], "null array reference");
                var i = Index(o, s[1], 1);
                s[0] = Load(o.Slots, i * o.Type.Slots, o.Type.Fields[0], op == GcOpcode.ArrayGetS, out h[sp]);
                return pc + 2;
            }

            case GcOpcode.ArraySet:
            {
                var o = Object(s[0], "null array reference");
                var i = Index(o, s[1], 1);
                Store(o.Slots, i * o.Type.Slots, o.Type.Fields[0], s[2], h[sp + 2]);
                return pc + 2;
            }

            case GcOpcode.ArrayLen:
                s[0] = (uint)Object(s[0], "null array reference").Length;
                return pc + 1;
            case GcOpcode.ArrayFill:
            {
                var o = Object(s[0], "null array reference");
                var (d, n) = ((uint)s[1], (uint)s[3]);
                Index(o, (ulong)d + n, 0);
                Charge(n * 8UL);
                for (var i = 0u; i < n; i++)
                {
                    Store(o.Slots, (int)(d + i) * o.Type.Slots, o.Type.Fields[0], s[2], h[sp + 2]);
                }

                return pc + 2;
            }

            case GcOpcode.ArrayCopy:
            {
                var dst = Object(s[0], "null array reference");
                var src = Object(s[2], "null array reference");
                var (d, si, n) = ((uint)s[1], (uint)s[3], (uint)s[4]);
                Index(dst, (ulong)d + n, 0);
                Index(src, (ulong)si + n, 0);
                Charge(n * 8UL);
                var k = dst.Type.Slots;
                Array.Copy(src.Slots, si * k, dst.Slots, d * k, n * k);
                return pc + 3;
            }

            case GcOpcode.ArrayInitData:
            {
                var o = Object(s[0], "null array reference");
                var (d, offset, n) = ((uint)s[1], (uint)s[2], (uint)s[3]);
                Index(o, (ulong)d + n, 0);
                var bytes = DataBytes(inst, code[pc + 2], offset, n, ElementBytes(o.Type.Fields[0]));
                Charge(n * 8UL);
                FillFromData(o, (int)d, bytes);
                return pc + 3;
            }

            case GcOpcode.ArrayInitElem:
            {
                var o = Object(s[0], "null array reference");
                var (d, offset, n) = ((uint)s[1], (uint)s[2], (uint)s[3]);
                Index(o, (ulong)d + n, 0);
                var seg = ElemRange(inst, code[pc + 2], offset, n);
                Charge(n * 8UL);
                seg.CopyTo(o.Slots.AsSpan((int)d));
                return pc + 3;
            }

            default:
                throw new InvalidOperationException($"bad internal GC opcode {op}");
        }
    }

    /// <summary>Whether the reference <paramref name="v"/> has type <paramref name="t"/> (of module <paramref name="m"/>); the value is of t's hierarchy.</summary>
    internal bool RefTest(ulong v, ValType t, WasmModule m)
    {
        if (v == 0)
        {
            return t.Nullable();
        }

        switch (t.Heap())
        {
            case ValTypes.Any or ValTypes.Func or ValTypes.Extern or ValTypes.Exn:
                return true;
            case ValTypes.Eq:
                return GcRef.IsI31(v) || GcRef.IsObject(v);
            case ValTypes.I31:
                return GcRef.IsI31(v);
            case ValTypes.Struct:
                return GcRef.IsObject(v) && Heap.Get(v).Type.Kind == CompositeKind.Struct;
            case ValTypes.Array:
                return GcRef.IsObject(v) && Heap.Get(v).Type.Kind == CompositeKind.Array;
            case ValTypes.Concrete:
                var c = m.Canon(t.TypeIndex());
                return c.Kind == CompositeKind.Func
                    ? _store.FunctionFromRef(v).Type.Canon.IsSubtypeOf(c)
                    : GcRef.IsObject(v) && Heap.Get(v).Type.IsSubtypeOf(c);
            default:
                return false;
        }
    }

    private GcObject Object(ulong v, string nullMessage) => v != 0 ? Heap.Get(v) : throw Trap(nullMessage);

    /// <summary>Checks that <paramref name="end"/> (an index plus <paramref name="extra"/>, or an end) is within the array; returns it as an int.</summary>
    private static int Index(GcObject o, ulong end, int extra) =>
        end + (ulong)extra <= (ulong)o.Length ? (int)end : throw Trap("out of bounds array access");

    private static void Store(ulong[] slots, int at, FieldType ft, ulong v, ulong hi)
    {
        slots[at] = ft.Packed switch
        {
            8 => v & 0xFF,
            16 => v & 0xFFFF,
            _ => v,
        };
        if (ft.Type == ValType.V128)
        {
            slots[at + 1] = hi;
        }
    }

    private static ulong Load(ulong[] slots, int at, FieldType ft, bool signed, out ulong hi)
    {
        var v = slots[at];
        hi = ft.Type == ValType.V128 ? slots[at + 1] : 0;
        return (ft.Packed, signed) switch
        {
            (8, true) => (uint)(int)(sbyte)v,
            (16, true) => (uint)(int)(short)v,
            _ => v,
        };
    }

    private static int ElementBytes(FieldType ft) => ft.Packed switch
    {
        8 => 1,
        16 => 2,
        _ => ft.Type switch
        {
            ValType.I32 or ValType.F32 => 4,
            ValType.V128 => 16,
            _ => 8,
        },
    };

    /// <summary>The bytes of <paramref name="n"/> elements of <paramref name="size"/> bytes at <paramref name="offset"/> of data segment <paramref name="d"/>.</summary>
    private static ReadOnlySpan<byte> DataBytes(ModuleInstance inst, int d, uint offset, uint n, int size)
    {
        var seg = inst.Module.Data[d];
        var len = inst.DataDropped[d] ? 0 : seg.Length;
        var bytes = (ulong)n * (ulong)size;
        if ((ulong)offset + bytes > (ulong)len)
        {
            throw Trap("out of bounds memory access");
        }

        return inst.Module.Bytes.AsSpan(seg.Start + (int)offset, (int)bytes);
    }

    private static void FillFromData(GcObject o, int at, ReadOnlySpan<byte> bytes)
    {
        var ft = o.Type.Fields[0];
        var size = ElementBytes(ft);
        var k = o.Type.Slots;
        for (var i = 0; i * size < bytes.Length; i++)
        {
            var e = bytes.Slice(i * size, size);
            var slot = (at + i) * k;
            switch (size)
            {
                case 1: o.Slots[slot] = e[0]; break;
                case 2: o.Slots[slot] = BinaryPrimitives.ReadUInt16LittleEndian(e); break;
                case 4: o.Slots[slot] = BinaryPrimitives.ReadUInt32LittleEndian(e); break;
                case 8: o.Slots[slot] = BinaryPrimitives.ReadUInt64LittleEndian(e); break;
                default:
                    o.Slots[slot] = BinaryPrimitives.ReadUInt64LittleEndian(e);
                    o.Slots[slot + 1] = BinaryPrimitives.ReadUInt64LittleEndian(e[8..]);
                    break;
            }
        }
    }

    private static ReadOnlySpan<ulong> ElemRange(ModuleInstance inst, int e, uint offset, uint n)
    {
        var seg = inst.ElemSegments[e] ?? [];
        return (ulong)offset + n <= (ulong)seg.Length ? seg.AsSpan((int)offset, (int)n) : throw Trap("out of bounds table access");
    }

    /// <summary>
    /// Makes room for an object of <paramref name="slots"/> slots: charges fuel for its size,
    /// collects when due, and traps when the heap with the instance's memories and tables would
    /// exceed the memory limit even after a collection; returns the zeroed slots.
    /// </summary>
    internal ulong[] Reserve(ModuleInstance inst, long slots, int top, bool charge = true)
    {
        var bytes = GcHeap.ObjectBytes(slots);
        if (charge)
        {
            Charge((ulong)bytes);
        }

        var collected = false;
        if (Heap.WantsCollect(bytes))
        {
            CollectGarbage(top);
            collected = true;
        }

        if (!FitsMemoryLimit(inst, (ulong)(Heap.LiveBytes + bytes)))
        {
            if (!collected && Heap.NoCollect == 0)
            {
                CollectGarbage(top);
            }

            if (!FitsMemoryLimit(inst, (ulong)(Heap.LiveBytes + bytes)))
            {
                throw new TrapException($"out of memory: a GC allocation of {bytes} bytes exceeds the memory limit ({Heap.LiveBytes} bytes of GC objects live)");
            }
        }

        return new ulong[slots];
    }

    /// <summary>A collection whose roots are the store's instances, exceptions held by reference and the value stack below <paramref name="top"/>.</summary>
    private void CollectGarbage(int top)
    {
        var stack = _stack;
        var n = Math.Min(Math.Max(top, _top), stack.Length);
        Heap.Collect(mark =>
        {
            for (var i = 0; i < n; i++)
            {
                mark(stack[i]);
            }

            _store.MarkRoots(mark);
        });
    }
}
