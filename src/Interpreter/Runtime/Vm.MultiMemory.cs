using System.Runtime.CompilerServices;

namespace WasmBench.Interpreter.Runtime;

// Multi-memory and memory64 (3.0): memory.size/grow/init/copy/fill of a memory other than a
// 32-bit memory 0, out of the hot loop; operands are read as u64 (i32 slots are zero-extended). Loads and
// stores of another memory run in the loop itself, between Op.UseMemory and Op.UseMemory0.
internal sealed unsafe partial class Vm
{
    /// <summary>Runs the instruction at <paramref name="pc"/> - 1 (one of <see cref="Op.MemorySizeAt"/>..<see cref="Op.MemoryFillAt"/>); returns the next pc.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int OtherMemory(int* code, int pc, ulong* f, ModuleInstance inst, int fp)
    {
        var s = _s;
        switch (code[pc - 1])
        {
            case Op.MemorySizeAt:
                f[code[pc]] = (uint)(inst.Memories[code[pc + 1]].Data.Length / MemoryInstance.PageSize);
                return pc + 2;
            case Op.MemoryGrowAt:
            {
                var memory = inst.Memories[code[pc + 2]];
                var delta = f[code[pc + 1]];
                var old = GrowMemory(inst, memory, delta);
                f[code[pc]] = memory.Is64 ? (ulong)(long)old : (uint)old;
                return pc + 3;
            }
            case Op.MemoryInitAt:
            {
                var sp = fp + code[pc] - 3;
                var (d, src, n) = (s[sp], s[sp + 1], s[sp + 2]);
                var seg = inst.Module.Data[code[pc + 1]];
                var len = inst.DataDropped[code[pc + 1]] ? 0 : seg.Length;
                var mem = inst.Memories[code[pc + 2]].Data;
                if (!Fits(src, n, (ulong)len) || !Fits(d, n, (ulong)mem.Length))
                {
                    throw Trap("out of bounds memory access");
                }

                Charge(n);
                inst.Module.Bytes.AsSpan(seg.Start + (int)src, (int)n).CopyTo(mem.AsSpan((int)d));
                return pc + 3;
            }

            case Op.MemoryCopyAt:
            {
                var sp = fp + code[pc] - 3;
                var (d, src, n) = (s[sp], s[sp + 1], s[sp + 2]);
                var to = inst.Memories[code[pc + 1]].Data;
                var from = inst.Memories[code[pc + 2]].Data;
                if (!Fits(src, n, (ulong)from.Length) || !Fits(d, n, (ulong)to.Length))
                {
                    throw Trap("out of bounds memory access");
                }

                Charge(n);
                from.AsSpan((int)src, (int)n).CopyTo(to.AsSpan((int)d));
                return pc + 3;
            }

            default:
            {
                var sp = fp + code[pc] - 3;
                var (d, v, n) = (s[sp], (byte)s[sp + 1], s[sp + 2]);
                var mem = inst.Memories[code[pc + 1]].Data;
                if (!Fits(d, n, (ulong)mem.Length))
                {
                    throw Trap("out of bounds memory access");
                }

                Charge(n);
                mem.AsSpan((int)d, (int)n).Fill(v);
                return pc + 2;
            }
        }
    }

    /// <summary>Whether [start, start + n) lies within [0, length), without overflow.</summary>
    private static bool Fits(ulong start, ulong n, ulong length) => start <= length && n <= length - start;
}
