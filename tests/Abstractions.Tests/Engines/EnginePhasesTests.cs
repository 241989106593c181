using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Abstractions.Tests.Engines;

public sealed class EnginePhasesTests
{
    [Fact]
    public void An_engine_reports_all_three_phases_unless_it_says_otherwise_and_then_states_why()
    {
        var jit = new EngineInfo("wasmtime", "50.0.1", EngineKind.OptimizingJit, []);
        var command = new EngineInfo("command", "wasm3 0.5", EngineKind.Interpreter, [], "wasm3")
        {
            Phases = [Phase.Execution],
            PhaseNote = "whole-process timing",
        };
        var aot = new EngineInfo("wasm2c", "1.0.32", EngineKind.Aot, []) { Phases = [Phase.Instantiation, Phase.Execution], PhaseNote = "built once" };

        Assert.Equal([Phase.Compilation, Phase.Instantiation, Phase.Execution], jit.Phases);
        Assert.Null(jit.PhaseStatement);
        Assert.Equal("command:wasm3 reports execution only: whole-process timing", command.PhaseStatement);
        Assert.Equal("wasm2c reports instantiation and execution only: built once", aot.PhaseStatement);
    }
}
