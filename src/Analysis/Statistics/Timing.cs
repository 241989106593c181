namespace WasmBench.Analysis.Statistics;

/// <summary>
/// One timing the statistics work on: a phase sample of an iteration (warm-up left out, maybe
/// scaled by its process's machine reference), or a machine-reference timing of a process. The
/// process matters: iterations of one process are not independent.
/// </summary>
public readonly record struct Timing(int Process, long Nanoseconds);
