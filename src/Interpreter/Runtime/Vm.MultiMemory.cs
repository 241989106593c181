using System.Runtime.CompilerServices;

namespace WasmBench.Interpreter.Runtime;

// Multi-memory (3.0): the instructions on a memory other than 0, out of the hot loop. Loads and
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
                f[code[pc]] = (uint)inst.Memories[code[pc + 2]].Grow((uint)f[code[pc + 1]], _store.Limits.MaxMemoryPages);
                return pc + 3;
            case Op.MemoryInitAt:
            {
                var sp = fp + code[pc] - 3;
                var (d, src, n) = ((uint)s[sp], (uint)s[sp + 1], (uint)s[sp + 2]);
                var seg = inst.Module.Data[code[pc + 1]];
                var len = inst.DataDropped[code[pc + 1]] ? 0 : seg.Length;
                var mem = inst.Memories[code[pc + 2]].Data;
                if ((ulong)src + n > (ulong)len || (ulong)d + n > (ulong)mem.Length)
                {
                    throw Trap("out of bounds memory access");
                }

                inst.Module.Bytes.AsSpan(seg.Start + (int)src, (int)n).CopyTo(mem.AsSpan((int)d));
                return pc + 3;
            }

            case Op.MemoryCopyAt:
            {
                var sp = fp + code[pc] - 3;
                var (d, src, n) = ((uint)s[sp], (uint)s[sp + 1], (uint)s[sp + 2]);
                var to = inst.Memories[code[pc + 1]].Data;
                var from = inst.Memories[code[pc + 2]].Data;
                if ((ulong)src + n > (ulong)from.Length || (ulong)d + n > (ulong)to.Length)
                {
                    throw Trap("out of bounds memory access");
                }

                from.AsSpan((int)src, (int)n).CopyTo(to.AsSpan((int)d));
                return pc + 3;
            }

            default:
            {
                var sp = fp + code[pc] - 3;
                var (d, v, n) = ((uint)s[sp], (byte)s[sp + 1], (uint)s[sp + 2]);
                var mem = inst.Memories[code[pc + 1]].Data;
                if ((ulong)d + n > (ulong)mem.Length)
                {
                    throw Trap("out of bounds memory access");
                }

                mem.AsSpan((int)d, (int)n).Fill(v);
                return pc + 2;
            }
        }
    }
}
