namespace WasmBench.Interpreter;

/// <summary>Identity of the interpreter build.</summary>
public static class InterpreterInfo
{
    public const string Version = "0.1.0";
}
