namespace WasmBench.Abstractions.Runs;

/// <summary>What a user asks for: a suite on some engines.</summary>
/// <param name="Suite">A suite name (<c>quick</c>) or a path to a suite file or folder.</param>
/// <param name="Engines">Engine ids; empty means every engine available on the cluster.</param>
/// <param name="Iterations">Measured iterations per (workload, engine).</param>
/// <param name="Label">A free label such as a branch name (<c>main</c>).</param>
/// <param name="Kind">A benchmark suite, or a spec testsuite (one task per .wast script and engine).</param>
/// <param name="Testsuite">Spec runs: where the testsuite's scripts are (else WASMBENCH_TESTSUITE).</param>
/// <param name="Filter">Spec runs: a glob on script paths (<c>simd_*.wast</c>).</param>
/// <param name="Processes">Fresh processes per (workload, engine); each runs <paramref name="Iterations"/> iterations.</param>
/// <param name="Warmup">Warm-up iterations per process: recorded, left out of the statistics.</param>
/// <param name="Seed">The seed of the shuffled, interleaved task order; null picks one (stored with the run).</param>
[GenerateSerializer, Immutable]
public sealed record RunRequest(
    [property: Id(0)] string Suite,
    [property: Id(1)] IReadOnlyList<string> Engines,
    [property: Id(2)] int Iterations = RunRequest.DefaultIterations,
    [property: Id(3)] string? Label = null,
    [property: Id(4)] RunKind Kind = RunKind.Benchmark,
    [property: Id(5)] string? Testsuite = null,
    [property: Id(6)] string? Filter = null,
    [property: Id(7)] int Processes = 1,
    [property: Id(8)] int Warmup = 0,
    [property: Id(9)] int? Seed = null)
{
    public const int DefaultIterations = 10;

    /// <summary>The processes of a run started from the CLI without --processes (the API's default is one: <see cref="Processes"/>).</summary>
    public const int DefaultProcesses = 5;

    /// <summary>The warm-up iterations of a run started from the CLI without --warmup.</summary>
    public const int DefaultWarmup = 1;

    /// <summary>
    /// The request as a JSON body may leave it (the API binds this record directly): no engines
    /// is every engine, a blank label is none.
    /// </summary>
    public RunRequest Normalized() => this with
    {
        Engines = Engines ?? [],
        Label = string.IsNullOrWhiteSpace(Label) ? null : Label,
    };
}
