using System.Diagnostics.CodeAnalysis;

namespace WasmBench.Abstractions;

/// <summary>
/// The outcome of an operation whose failures are expected (bad input, a missing file, an engine
/// that is not there): its value, or the reason it failed in words a user can act on. Exceptions
/// stay for bugs. <see cref="Succeeded"/> tells the compiler which of the two is set, so callers
/// need no <c>!</c>.
/// </summary>
public sealed class Result<T>
{
    private Result(T? value, string? error, bool succeeded)
    {
        Value = value;
        Error = error;
        Succeeded = succeeded;
    }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded { get; }

    /// <summary>The value; set when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    /// <summary>Why the operation failed; set when it did not succeed.</summary>
    public string? Error { get; }

    public static Result<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null, true);

    public static Result<T> Failure(string error) => new(default, error ?? throw new ArgumentNullException(nameof(error)), false);

    /// <summary>The value transformed, or the same failure.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) => Succeeded ? Result<TOut>.Success(map(Value)) : Result<TOut>.Failure(Error);

    /// <summary>The next operation on the value, or the same failure.</summary>
    public Result<TOut> Then<TOut>(Func<T, Result<TOut>> next) => Succeeded ? next(Value) : Result<TOut>.Failure(Error);

    public override string ToString() => Succeeded ? $"Success({Value})" : $"Failure({Error})";
}
