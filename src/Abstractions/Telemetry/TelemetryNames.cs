namespace WasmBench.Abstractions.Telemetry;

/// <summary>
/// The names WasmBench's metrics and traces go by, shared by the coordinator (grains) and the
/// runner worker: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, each called <c>WasmBench</c>.
/// </summary>
public static class TelemetryNames
{
    public const string Meter = "WasmBench";

    public const string ActivitySource = "WasmBench";

    // Tags on the instruments and spans: few values each (never a run id on a metric).
    public const string EngineTag = "wasmbench.engine";
    public const string KindTag = "wasmbench.task.kind";
    public const string OutcomeTag = "wasmbench.outcome";

    // Tags on spans only.
    public const string RunIdTag = "wasmbench.run.id";
    public const string TaskIndexTag = "wasmbench.task.index";
    public const string WorkloadTag = "wasmbench.workload";
}
