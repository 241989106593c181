using System.Diagnostics;

namespace WasmBench.Interpreter.Runtime;

/// <summary>
/// The execution state of a store: one pinned stack of 8-byte slots (locals and operands of
/// every frame) and an explicit frame stack, so wasm calls never recurse in C#.
/// </summary>
internal sealed unsafe partial class Vm
{
    private const long FuelChunk = 1 << 14;

    /// <summary>Bytes of bulk work (fill, copy, init, grow) that cost one unit of fuel, as much as a loop iteration.</summary>
    private const ulong BytesPerFuel = 1024;

    /// <summary>Bytes a table element counts for in the memory limit and in bulk work.</summary>
    private const ulong TableElementBytes = 8;

    private readonly Store _store;
    private readonly ulong[] _stack;
    private readonly ulong* _s;
    private readonly Frame[] _frames;
    private int _depth;
    private int _top;
    private long _fuel;
    private long _fuelLeft;
    private long _deadline;

    private struct Frame
    {
        public FunctionInstance Func;
        public int Fp;
        public int Pc;
    }

    public Vm(Store store)
    {
        _store = store;
        _stack = GC.AllocateArray<ulong>(store.Limits.StackSlots, pinned: true);
        fixed (ulong* p = _stack)
        {
            _s = p;
        }

        _frames = new Frame[store.Limits.MaxCallDepth + 1];
    }

    /// <summary>Runs <paramref name="f"/>; v128 values have their high halves in <paramref name="argsHi"/> / <paramref name="resultsHi"/> (same indices).</summary>
    public ulong[] Invoke(FunctionInstance f, ReadOnlySpan<ulong> args, ReadOnlySpan<ulong> argsHi = default, Span<ulong> resultsHi = default)
    {
        if (args.Length != f.Type.Params.Length)
        {
            throw new ArgumentException($"expected {f.Type.Params.Length} arguments, got {args.Length}", nameof(args));
        }

        var results = new ulong[f.Type.Results.Length];
        if (f.Host is { } host)
        {
            host(args, results);
            return results;
        }

        var outermost = _depth == 0;
        if (outermost)
        {
            var limits = _store.Limits;
            _fuelLeft = limits.Fuel ?? long.MaxValue;
            _fuel = Math.Min(FuelChunk, _fuelLeft);
            _fuelLeft -= _fuel;
            _deadline = limits.Timeout is { } t ? Stopwatch.GetTimestamp() + (long)(t.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        }

        var fp = _top;
        if (fp + args.Length >= _stack.Length)
        {
            throw new TrapException("call stack exhausted", exhaustion: true);
        }

        args.CopyTo(_stack.AsSpan(fp));
        if (!argsHi.IsEmpty)
        {
            argsHi.CopyTo(new Span<ulong>(HiBase() + fp, argsHi.Length));
        }

        var savedDepth = _depth;
        var savedTop = _top;
        try
        {
            Execute(f, fp);
        }
        finally
        {
            _depth = savedDepth;
            _top = savedTop;
        }

        _stack.AsSpan(fp, results.Length).CopyTo(results);
        if (!resultsHi.IsEmpty)
        {
            new Span<ulong>(HiBase() + fp, resultsHi.Length).CopyTo(resultsHi);
        }

        return results;
    }

    /// <summary>Called when the fuel chunk runs out: refills it, checks deadline, cancellation and total fuel.</summary>
    private void Refuel()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new TrapException(FormattableString.Invariant($"timeout: exceeded the deadline of {_store.Limits.Timeout!.Value.TotalSeconds:0.###} s"));
        }

        if (_store.CancellationToken.IsCancellationRequested)
        {
            throw new TrapException("timeout: cancelled");
        }

        if (_fuelLeft <= 0)
        {
            throw new TrapException("fuel exhausted");
        }

        _fuel = Math.Min(FuelChunk, _fuelLeft);
        _fuelLeft -= _fuel;
    }

    /// <summary>
    /// Charges fuel for an instruction whose work grows with its operands (one unit, plus one per
    /// <see cref="BytesPerFuel"/> bytes), so the deadline, cancellation and fuel are checked at least
    /// every <see cref="FuelChunk"/> units of work, not only every so many back-edges.
    /// </summary>
    private void Charge(ulong bytes)
    {
        _fuel -= (long)Math.Min(bytes / BytesPerFuel, 1UL << 48) + 1;
        if (_fuel >= 0)
        {
            return;
        }

        // What this chunk could not pay comes out of the rest; Refuel traps when that runs out.
        _fuelLeft += _fuel;
        _fuel = 0;
        Refuel();
    }

    /// <summary>Whether the instance's memories and tables, <paramref name="extraBytes"/> more, stay within the store's memory limit.</summary>
    private bool FitsMemoryLimit(ModuleInstance inst, ulong extraBytes)
    {
        var total = extraBytes;
        foreach (var memory in inst.Memories)
        {
            total += (ulong)memory.Data.LongLength;
        }

        foreach (var table in inst.Tables)
        {
            total += (ulong)table.Elements.LongLength * TableElementBytes;
        }

        return total <= (ulong)_store.Limits.MaxMemoryPages * MemoryInstance.PageSize;
    }

    /// <summary>memory.grow under the limit on the sum of the instance's memories and tables, charged for the copy it makes.</summary>
    private int GrowMemory(ModuleInstance inst, MemoryInstance memory, ulong delta)
    {
        if (delta > uint.MaxValue || !FitsMemoryLimit(inst, delta * MemoryInstance.PageSize))
        {
            return -1;
        }

        var old = memory.Grow((uint)delta, _store.Limits.MaxMemoryPages);
        if (old >= 0 && delta > 0)
        {
            Charge((ulong)memory.Data.LongLength);
        }

        return old;
    }

    private static TrapException Trap(string message) => new(message);

    private static TrapException Exhausted() => new("call stack exhausted", exhaustion: true);
}
