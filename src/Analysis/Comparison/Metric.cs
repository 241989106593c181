using System.Text.Json;
using System.Text.Json.Serialization;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Analysis.Comparison;

/// <summary>
/// What a comparison row measures: a <see cref="Runs.Phase"/> of the workload's iterations, or the
/// machine reference its processes timed (how fast the machine itself was). Written as the phase's
/// name or <c>reference</c>, as <c>--phase</c> takes it.
/// </summary>
[JsonConverter(typeof(MetricJsonConverter))]
public readonly record struct Metric
{
    private Metric(Phase? phase) => Phase = phase;

    public static Metric MachineReference { get; } = new(null);

    /// <summary>The phase; null for the machine reference.</summary>
    public Phase? Phase { get; }

    public bool IsMachineReference => Phase is null;

    public static Metric Of(Phase phase) => new(phase);

    public static implicit operator Metric(Phase phase) => Of(phase);

    /// <summary><c>execution</c>, <c>compilation</c>, <c>instantiation</c> or <c>reference</c>.</summary>
    public string Name => Phase?.ToString().ToLowerInvariant() ?? "reference";

    /// <summary>The name a row's interval seed is made from (<c>Execution</c>: the phase's own name, so seeds stay as they were).</summary>
    internal string SeedName => Phase?.ToString() ?? "Reference";

    public override string ToString() => Name;
}

/// <summary>Writes a <see cref="Metric"/> as its name and reads it back.</summary>
public sealed class MetricJsonConverter : JsonConverter<Metric>
{
    public override Metric Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.GetString();
        return name == "reference" ? Metric.MachineReference
            : Enum.TryParse<Phase>(name, ignoreCase: true, out var phase) ? Metric.Of(phase)
            : throw new JsonException($"unknown phase '{name}'");
    }

    public override void Write(Utf8JsonWriter writer, Metric value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
