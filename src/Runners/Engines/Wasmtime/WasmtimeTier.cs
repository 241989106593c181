namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>Which of Wasmtime's execution tiers compiles (or interprets) a module.</summary>
public enum WasmtimeTier
{
    /// <summary>Cranelift, the optimising compiler (at the variant's <c>opt</c> level).</summary>
    Cranelift,
    /// <summary>Winch, the single-pass baseline compiler (no optimisation levels).</summary>
    Winch,
    /// <summary>Pulley, the portable interpreter: Cranelift compiles to Pulley bytecode (target <c>pulley64</c>).</summary>
    Pulley,
}
