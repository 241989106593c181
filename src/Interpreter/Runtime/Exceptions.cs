using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Runtime;

/// <summary>A tag (exception handling): the identity that <c>catch</c> compares, and the type of its payload.</summary>
public sealed class TagInstance(FuncType type)
{
    public FuncType Type { get; } = type;
}

/// <summary>
/// An exception: its tag and payload (v128 values have their high halves in <see cref="Hi"/>,
/// same indices). An exnref slot value is <see cref="RefValue"/>, given the first time the
/// exception is caught by reference; exceptions caught by value never get one.
/// </summary>
public sealed class ExceptionInstance(TagInstance tag, ulong[] payload, ulong[] hi)
{
    public TagInstance Tag { get; } = tag;

    public ulong[] Payload { get; } = payload;

    internal ulong[] Hi { get; } = hi;

    internal ulong RefValue;
}

/// <summary>An exception no handler caught, surfacing from <see cref="Store.Invoke(FunctionInstance, ReadOnlySpan{ulong})"/> (or thrown by a host function into wasm).</summary>
public sealed class UncaughtException(ExceptionInstance exception)
    : Exception("uncaught exception")
{
    public ExceptionInstance Exception { get; } = exception;
}
