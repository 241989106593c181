namespace WasmBench.Abstractions.Results;

/// <summary>
/// When a measuring process counts as measured while its machine was disturbed: the one rule the
/// runner (which measures such a process again) and the analysis (which leaves it out and divides
/// the others' timings by their reference) both apply. A process's reference is the faster of the
/// machine-reference timings it took; the machine's level is the 10th percentile of the process
/// references; a process more than <see cref="Tolerance"/> above the level was disturbed.
/// </summary>
public static class DisturbanceRule
{
    /// <summary>
    /// How far above the machine's level a process's reference may be before the process counts as
    /// measured while the machine was disturbed. Quiet processes measured on the development VM sit
    /// within a few percent of the level; under the disturbances seen, 12-25% above it. 15% was
    /// tried first and let a third of the disturbed processes through (docs/statistics.md).
    /// </summary>
    public const double Tolerance = 0.10;

    /// <summary>Fewer process references than this say too little about the machine's level.</summary>
    public const int MinimumProcesses = 8;

    /// <summary>A process's reference: the faster of its timings (one interruption does not make a process slow; a slowdown that lasts the process does).</summary>
    public static long? OfProcess(IEnumerable<ProcessEvent> events) =>
        events.Where(e => e.Kind is ProcessEventKind.MachineReferenceBefore or ProcessEventKind.MachineReferenceAfter).Select(e => (long?)e.Nanoseconds).Min();

    /// <summary>Whether a process with this reference ran while the machine was disturbed: more than <see cref="Tolerance"/> above the level.</summary>
    public static bool IsDisturbed(double reference, double level) => reference > level * (1 + Tolerance);

    /// <summary>The machine's level: the 10th percentile of process references, or null with fewer than <see cref="MinimumProcesses"/>.</summary>
    public static double? LevelOf(IReadOnlyCollection<double> processReferences) =>
        processReferences.Count < MinimumProcesses ? null : Quantiles.Of([.. processReferences.Order()], 0.10);
}
