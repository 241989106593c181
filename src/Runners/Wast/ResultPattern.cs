using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Wast;

/// <summary>An expected result of <c>assert_return</c>: an exact value or a pattern.</summary>
public abstract record ResultPattern;

/// <summary>Bit-exact value (ints, floats with their exact bits, v128 without NaN lanes, ref.extern N, ref.null).</summary>
public sealed record ExactPattern(WasmValue Value) : ResultPattern
{
    public override string ToString() => Value.ToString();
}

/// <summary><c>nan:canonical</c> / <c>nan:arithmetic</c> for one f32 or f64.</summary>
public sealed record NanPattern(ValueKind Kind, bool Canonical) : ResultPattern
{
    public override string ToString() => $"{(Kind == ValueKind.F32 ? "f32" : "f64")}:nan:{(Canonical ? "canonical" : "arithmetic")}";
}

/// <summary>One lane of a v128 pattern: exact bits or a NaN class.</summary>
public readonly record struct LanePattern(ulong Bits, NanClass Nan = NanClass.None);

public enum NanClass
{
    None,
    Canonical,
    Arithmetic,
}

/// <summary>A v128 result with lane shape (<c>i8x16</c> ... <c>f64x2</c>), matched lane by lane.</summary>
public sealed record V128Pattern(string Shape, IReadOnlyList<LanePattern> Lanes) : ResultPattern
{
    public int LaneBits => 128 / Lanes.Count;

    public bool IsFloat => Shape[0] == 'f';

    public override string ToString() =>
        $"v128:{Shape}[{string.Join(' ', Lanes.Select(l => l.Nan switch
        {
            NanClass.Canonical => "nan:canonical",
            NanClass.Arithmetic => "nan:arithmetic",
            _ => $"0x{l.Bits:x}",
        }))}]";
}

/// <summary>
/// A reference pattern: <c>ref.null ht</c> (<see cref="IsNull"/>; <see cref="Kind"/> null for a bare
/// <c>ref.null</c>), <c>ref.extern N</c> / <c>ref.host N</c> (<see cref="HostId"/>), or a non-null class such as
/// <c>ref.func</c>, <c>ref.i31</c>, <c>ref.struct</c>.
/// </summary>
public sealed record RefPattern(RefKind? Kind, bool IsNull, long? HostId = null, bool IsHost = false) : ResultPattern
{
    public override string ToString() => IsNull
        ? $"ref.null{(Kind is { } k ? " " + k.ToString().ToLowerInvariant() : "")}"
        : $"ref.{(IsHost ? "host" : Kind?.ToString().ToLowerInvariant())}{(HostId is { } id ? " " + id : "")}";
}

/// <summary><c>(either p1 p2 ...)</c>: matches when any alternative matches.</summary>
public sealed record EitherPattern(IReadOnlyList<ResultPattern> Alternatives) : ResultPattern
{
    public override string ToString() => $"(either {string.Join(' ', Alternatives)})";
}
