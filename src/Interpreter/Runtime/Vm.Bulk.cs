using System.Runtime.CompilerServices;

namespace WasmBench.Interpreter.Runtime;

internal sealed unsafe partial class Vm
{
    /// <summary>The rare bulk memory and table instructions, out of the hot loop; operands end below <paramref name="sp"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Bulk(int op, int* imm, ModuleInstance inst, int sp)
    {
        var s = _s;
        switch (op)
        {
            case Op.MemoryInit:
            {
                sp -= 3;
                var (d, src, n) = ((uint)s[sp], (uint)s[sp + 1], (uint)s[sp + 2]);
                var seg = inst.Module.Data[imm[0]];
                var len = inst.DataDropped[imm[0]] ? 0 : seg.Length;
                var mem = inst.Memory!.Data;
                if ((ulong)src + n > (ulong)len || (ulong)d + n > (ulong)mem.Length)
                {
                    throw Trap("out of bounds memory access");
                }

                Charge(n);
                inst.Module.Bytes.AsSpan(seg.Start + (int)src, (int)n).CopyTo(mem.AsSpan((int)d));
                return;
            }

            case Op.DataDrop:
                inst.DataDropped[imm[0]] = true;
                return;
            case Op.MemoryCopy:
            {
                sp -= 3;
                var (d, src, n) = ((uint)s[sp], (uint)s[sp + 1], (uint)s[sp + 2]);
                var mem = inst.Memory!.Data;
                if ((ulong)src + n > (ulong)mem.Length || (ulong)d + n > (ulong)mem.Length)
                {
                    throw Trap("out of bounds memory access");
                }

                Charge(n);
                mem.AsSpan((int)src, (int)n).CopyTo(mem.AsSpan((int)d));
                return;
            }

            case Op.MemoryFill:
            {
                sp -= 3;
                var (d, v, n) = ((uint)s[sp], (byte)s[sp + 1], (uint)s[sp + 2]);
                var mem = inst.Memory!.Data;
                if ((ulong)d + n > (ulong)mem.Length)
                {
                    throw Trap("out of bounds memory access");
                }

                Charge(n);
                mem.AsSpan((int)d, (int)n).Fill(v);
                return;
            }

            case Op.TableInit:
            {
                sp -= 3;
                var (d, src, n) = ((uint)s[sp], (uint)s[sp + 1], (uint)s[sp + 2]);
                var seg = inst.ElemSegments[imm[0]] ?? [];
                var t = inst.Tables[imm[1]];
                if ((ulong)src + n > (ulong)seg.Length || (ulong)d + n > t.Size)
                {
                    throw Trap("out of bounds table access");
                }

                Charge(n * TableElementBytes);
                seg.AsSpan((int)src, (int)n).CopyTo(t.Elements.AsSpan((int)d));
                return;
            }

            case Op.ElemDrop:
                inst.ElemSegments[imm[0]] = null;
                return;
            case Op.TableCopy:
            {
                sp -= 3;
                var (d, src, n) = ((uint)s[sp], (uint)s[sp + 1], (uint)s[sp + 2]);
                var dt = inst.Tables[imm[0]];
                var st = inst.Tables[imm[1]];
                if ((ulong)src + n > st.Size || (ulong)d + n > dt.Size)
                {
                    throw Trap("out of bounds table access");
                }

                Charge(n * TableElementBytes);
                st.Elements.AsSpan((int)src, (int)n).CopyTo(dt.Elements.AsSpan((int)d));
                return;
            }

            case Op.TableGrow:
            {
                sp -= 1;
                // [init, n] -> [old size or -1] in the init slot.
                var t = inst.Tables[imm[0]];
                var delta = (uint)s[sp];
                var grown = FitsMemoryLimit(inst, delta * TableElementBytes) ? t.Grow(delta, s[sp - 1], _store.Limits.MaxTableSize) : -1;
                if (grown >= 0 && delta > 0)
                {
                    Charge((ulong)t.Elements.LongLength * TableElementBytes);
                }

                s[sp - 1] = (uint)grown;
                return;
            }

            case Op.TableSize:
                s[sp] = inst.Tables[imm[0]].Size;
                return;
            case Op.TableFill:
            {
                sp -= 3;
                var (i, v, n) = ((uint)s[sp], s[sp + 1], (uint)s[sp + 2]);
                var t = inst.Tables[imm[0]];
                if ((ulong)i + n > t.Size)
                {
                    throw Trap("out of bounds table access");
                }

                Charge(n * TableElementBytes);
                t.Elements.AsSpan((int)i, (int)n).Fill(v);
                return;
            }

            default:
                throw new InvalidOperationException($"bad bulk opcode {op}");
        }
    }
}
