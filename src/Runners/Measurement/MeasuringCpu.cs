namespace WasmBench.Runners.Measurement;

/// <summary>
/// One CPU set aside for a measuring child: while a reservation lives, every thread of this
/// process (the runner: its silo, JIT, timers) is kept off <see cref="Cpu"/>, and the child pins
/// itself to it (`measure --cpu N`), so the runner's own work never lands on the core that
/// is timing a workload. Disposing gives this process its CPUs back. Needs Linux and at least two
/// CPUs; otherwise <see cref="TryReserve"/> returns null and the child runs where the OS puts it.
/// One reservation at a time per process (a runner measures one benchmark at a time); a second
/// concurrent request gets null.
/// </summary>
public sealed class MeasuringCpu : IDisposable
{
    private static readonly Lock Gate = new();
    private static bool _held;

    private readonly IReadOnlyList<int> _original;

    private MeasuringCpu(int cpu, IReadOnlyList<int> original)
    {
        Cpu = cpu;
        _original = original;
    }

    /// <summary>The CPU the child is to run on.</summary>
    public int Cpu { get; }

    public static MeasuringCpu? TryReserve()
    {
        lock (Gate)
        {
            var cpus = CpuAffinity.Current();
            if (_held || cpus.Count < 2)
            {
                return null;
            }

            if (!CpuAffinity.SetForAllThreads([.. cpus.Take(cpus.Count - 1)]))
            {
                CpuAffinity.SetForAllThreads(cpus);
                return null;
            }

            _held = true;
            return new MeasuringCpu(cpus[^1], cpus);
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            CpuAffinity.SetForAllThreads(_original);
            _held = false;
        }
    }
}
