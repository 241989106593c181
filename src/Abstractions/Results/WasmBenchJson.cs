using System.Text.Json;
using System.Text.Json.Serialization;

namespace WasmBench.Abstractions.Results;

/// <summary>The one JSON shape of WasmBench files and API bodies: camelCase, enums as strings.</summary>
public static class WasmBenchJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
