using WasmBench.Abstractions.Engines;
using WasmBench.Interpreter;

namespace WasmBench.Runners.Engines.Interp;

/// <summary>
/// WasmBench.Interpreter, our own C# engine, in-process. The benchmark and conformance
/// capabilities live in the other parts of this partial class.
/// </summary>
public sealed partial class InterpEngine : IEngine
{
    public EngineInfo Info { get; } = new(
        "interp",
        InterpreterInfo.Version,
        EngineKind.Interpreter,
        ["multi-value", "bulk-memory", "reference-types", "sign-extension", "saturating-conversions"]);

    public EngineAvailability Availability => EngineAvailability.Available;
}
