using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// A fixed piece of work that does not depend on any engine — calls, a switch-dispatched
/// bytecode loop, a sort — timed in every measuring process before its first and after its last
/// iteration. It measures the machine, not the workload: when another tenant of a shared host
/// slows branchy, call-heavy code for a minute (seen on the development VM: compilation +35%,
/// fib +60%, a register-only loop +5%), the reference of the processes measured meanwhile is slow
/// too: the runner measures such a process again (<see cref="MachineLevel"/>), and the comparison
/// leaves out the ones still slow and divides the others' timings by their reference
/// (<see cref="Abstractions.Results.DisturbanceRule"/>, docs/statistics.md).
/// Compiled fully optimized from the first call, so it is not timed at a JIT tier that changes.
/// </summary>
public static class MachineReference
{
    /// <summary>The work's result, so a changed kernel is noticed (tests) and nothing is optimized away.</summary>
    public const long Checksum = 191_522_872;

    /// <summary>Runs the reference work once; returns its duration in nanoseconds.</summary>
    public static long MeasureNs()
    {
        var start = Stopwatch.GetTimestamp();
        var result = Work();
        var ticks = Stopwatch.GetTimestamp() - start;
        return result == Checksum ? (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency)) : throw new InvalidOperationException($"the machine reference computed {result}, not {Checksum}");
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static long Work() => Fib(25) + Bytecode(400_000) + SortChecksum(40_000);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long Bytecode(int steps)
    {
        // A four-instruction machine whose next instruction depends on the data: unpredictable branches.
        ReadOnlySpan<byte> program = [0, 1, 2, 3, 1, 0, 3, 2, 2, 0, 1, 3, 3, 1, 0, 2];
        long acc = 1, x = 88172645463325252;
        var pc = 0;
        for (var i = 0; i < steps; i++)
        {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            switch (program[pc])
            {
                case 0: acc += x & 0xFF; break;
                case 1: acc ^= x >>> 3; break;
                case 2: acc = (acc * 31) + 7; break;
                default: acc -= x & 0xF; break;
            }

            pc = (int)((pc + 1 + (x & 3)) & 15);
        }

        return acc & 0xFFFFFFF;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long SortChecksum(int count)
    {
        var values = new int[count];
        var x = 2463534242u;
        for (var i = 0; i < count; i++)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            values[i] = (int)(x & 0x7FFFFFFF);
        }

        Array.Sort(values);
        long sum = 0;
        for (var i = 0; i < count; i += 97)
        {
            sum += values[i] & 0xFFFF;
        }

        return sum;
    }
}
