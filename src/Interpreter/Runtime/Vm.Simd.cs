using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Simd;

namespace WasmBench.Interpreter.Runtime;

/// <summary>
/// SIMD execution, out of the hot loop. A v128 in slot s keeps bytes 0-7 in the stack slot and
/// bytes 8-15 in the same slot of a second array (<c>_hi</c>), allocated on first use, so
/// scalar code keeps its one-slot layout and its speed.
/// </summary>
internal sealed unsafe partial class Vm
{
    private ulong[]? _hi;
    private ulong* _h;

    private ulong* HiBase()
    {
        if (_hi is null)
        {
            _hi = GC.AllocateArray<ulong>(_stack.Length, pinned: true);
            fixed (ulong* p = _hi)
            {
                _h = p;
            }
        }

        return _h;
    }

    /// <summary>Runs the SIMD instruction whose opcode is at code[pc - 1]; returns the next pc.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Simd(int* code, int pc, ulong* f, byte[] mem, ModuleInstance inst)
    {
        var h = HiBase() + (f - _s);
        var op = code[pc - 1] - Op.Simd;
        switch (op)
        {
            case SimdInternal.Copy128:
                f[code[pc]] = f[code[pc + 1]];
                h[code[pc]] = h[code[pc + 1]];
                return pc + 2;
            case SimdInternal.MoveHi:
                MoveHi(h, code[pc], code[pc + 1], code[pc + 2]);
                return pc + 3;
            case SimdInternal.CondMoveHi:
                if ((uint)f[code[pc]] != 0)
                {
                    MoveHi(h, code[pc + 1], code[pc + 2], code[pc + 3]);
                }

                return pc + 4;
            case SimdInternal.BrTableHi:
            {
                // The br_table follows: [BrTable, cond, count, arity, src, (target, dest) * (count + 1)].
                var t = code + pc + 1;
                var i = (uint)f[t[0]];
                var count = (uint)t[1];
                if (i > count)
                {
                    i = count;
                }

                MoveHi(h, t[2], t[3], t[4 + (2 * (int)i) + 1]);
                return pc;
            }

            case SimdInternal.Select128:
            {
                var src = (uint)f[code[pc + 3]] != 0 ? code[pc + 1] : code[pc + 2];
                f[code[pc]] = f[src];
                h[code[pc]] = h[src];
                return pc + 4;
            }

            case SimdInternal.GlobalGet128:
            {
                var g = inst.Globals[code[pc + 1]];
                f[code[pc]] = g.Value;
                h[code[pc]] = g.Hi;
                return pc + 2;
            }

            case SimdInternal.GlobalSet128:
            {
                var g = inst.Globals[code[pc + 1]];
                g.Value = f[code[pc]];
                g.Hi = h[code[pc]];
                return pc + 2;
            }

            case SimdInternal.RelaxedMaddF32 or SimdInternal.RelaxedNmaddF32 or SimdInternal.RelaxedMaddF64 or SimdInternal.RelaxedNmaddF64 or SimdInternal.RelaxedDotAdd:
                Put(f, h, code[pc], SimdOps.RelaxedTernary(op, Get(f, h, code[pc + 1]), Get(f, h, code[pc + 2]), Get(f, h, code[pc + 3])));
                return pc + 4;
            case SimdInternal.RelaxedDot:
                Put(f, h, code[pc], SimdOps.RelaxedDot(Get(f, h, code[pc + 1]), Get(f, h, code[pc + 2])));
                return pc + 3;
            case SimdInternal.ZeroHi:
            {
                var n = code[pc];
                for (var i = 1; i <= n; i++)
                {
                    h[code[pc + i]] = 0;
                }

                return pc + 1 + n;
            }
        }

        var dst = code[pc];
        switch (SimdOpcodes.Kind((uint)op))
        {
            case SimdKind.Load:
                Put(f, h, dst, SimdOps.Load(op, mem, Address(f, code[pc + 1], code[pc + 2])));
                return pc + 3;
            case SimdKind.Store:
            {
                var ea = EffectiveAddress(f, code[pc], code[pc + 2], 16, mem);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), Get(f, h, code[pc + 1]));
                return pc + 3;
            }

            case SimdKind.LoadLane:
                Put(f, h, dst, SimdOps.LoadLane(op, mem, Address(f, code[pc + 1], code[pc + 3]), Get(f, h, code[pc + 2]), code[pc + 4]));
                return pc + 5;
            case SimdKind.StoreLane:
                SimdOps.StoreLane(op, mem, Address(f, code[pc], code[pc + 2]), Get(f, h, code[pc + 1]), code[pc + 3]);
                return pc + 4;
            case SimdKind.Const:
                f[dst] = (uint)code[pc + 1] | ((ulong)(uint)code[pc + 2] << 32);
                h[dst] = (uint)code[pc + 3] | ((ulong)(uint)code[pc + 4] << 32);
                return pc + 5;
            case SimdKind.Shuffle:
                Put(f, h, dst, SimdOps.Shuffle(Get(f, h, code[pc + 1]), Get(f, h, code[pc + 2]), code + pc + 3));
                return pc + 7;
            case SimdKind.Unary:
                Put(f, h, dst, SimdOps.Unary(op, Get(f, h, code[pc + 1])));
                return pc + 2;
            case SimdKind.Binary:
                Put(f, h, dst, SimdOps.Binary(op, Get(f, h, code[pc + 1]), Get(f, h, code[pc + 2])));
                return pc + 3;
            case SimdKind.Ternary:
            {
                var c = Get(f, h, code[pc + 3]);
                Put(f, h, dst, (Get(f, h, code[pc + 1]) & c) | (Get(f, h, code[pc + 2]) & ~c));
                return pc + 4;
            }

            case SimdKind.Test:
                f[dst] = SimdOps.Test(op, Get(f, h, code[pc + 1]));
                return pc + 2;
            case SimdKind.Shift:
                Put(f, h, dst, SimdOps.Shift(op, Get(f, h, code[pc + 1]), (int)(uint)f[code[pc + 2]]));
                return pc + 3;
            case SimdKind.Splat:
                Put(f, h, dst, SimdOps.Splat(op, f[code[pc + 1]]));
                return pc + 2;
            case SimdKind.Extract:
                f[dst] = SimdOps.Extract(op, Get(f, h, code[pc + 1]), code[pc + 2]);
                return pc + 3;
            case SimdKind.Replace:
                Put(f, h, dst, SimdOps.Replace(op, Get(f, h, code[pc + 1]), f[code[pc + 2]], code[pc + 3]));
                return pc + 4;
            default:
                throw new InvalidOperationException($"bad internal SIMD opcode {op}");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Get(ulong* f, ulong* h, int slot) => Vector128.Create(f[slot], h[slot]).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(ulong* f, ulong* h, int slot, Vector128<byte> v)
    {
        var u = v.AsUInt64();
        f[slot] = u.GetElement(0);
        h[slot] = u.GetElement(1);
    }

    /// <summary>The unchecked effective address (base + offset as a 33-bit value); SimdOps checks bounds.</summary>
    private static ulong Address(ulong* f, int addrSlot, int offset) => (ulong)(uint)f[addrSlot] + (uint)offset;

    private static ulong EffectiveAddress(ulong* f, int addrSlot, int offset, int size, byte[] mem)
    {
        var ea = Address(f, addrSlot, offset);
        return ea + (ulong)size > (ulong)mem.Length ? throw Trap("out of bounds memory access") : ea;
    }

    private static void MoveHi(ulong* h, int n, int src, int dest)
    {
        for (var i = 0; i < n; i++)
        {
            h[dest + i] = h[src + i];
        }
    }
}
