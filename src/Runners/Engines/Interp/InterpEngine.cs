using WasmBench.Abstractions.Engines;
using WasmBench.Interpreter;

namespace WasmBench.Runners.Engines.Interp;

/// <summary>
/// WasmBench.Interpreter, our own C# engine, in-process. The benchmark and conformance
/// capabilities live in the other parts of this partial class. Its version is
/// <see cref="InterpreterInfo.Version"/> with the source revision it was built from, and its build
/// the fingerprint of the interpreter's assembly: two builds of the interpreter are two engines.
/// </summary>
public sealed partial class InterpEngine : IEngine
{
    public EngineInfo Info { get; } = new(
        "interp",
        EngineBuild.VersionOf(typeof(WasmEngine).Assembly, InterpreterInfo.Version),
        EngineKind.Interpreter,
        [.. WasmProposals.Wasm2, .. WasmProposals.Wasm3],
        build: EngineBuild.OfAssembly(typeof(WasmEngine).Assembly));

    public EngineAvailability Availability => EngineAvailability.Available;
}
