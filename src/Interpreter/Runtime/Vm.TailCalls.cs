namespace WasmBench.Interpreter.Runtime;

// Out-of-line helpers of the calls through tables and references and of the tail calls.
internal sealed unsafe partial class Vm
{
    /// <summary>The function <c>call_indirect</c> would call: element <paramref name="i"/> of the table, checked against the type.</summary>
    private FunctionInstance IndirectCallee(ModuleInstance inst, int typeIndex, int tableIndex, uint i)
    {
        var type = inst.Module.Canon(typeIndex);
        var table = inst.Tables[tableIndex];
        if (i >= (uint)table.Elements.Length)
        {
            throw Trap("undefined element");
        }

        var r = table.Elements[i];
        if (r == 0)
        {
            throw Trap("uninitialized element");
        }

        var callee = _store.FunctionFromRef(r);
        return callee.Type.Canon.IsSubtypeOf(type) ? callee : throw Trap("indirect call type mismatch");
    }

    /// <summary>The function <c>call_ref</c> would call; a null reference traps.</summary>
    private FunctionInstance RefCallee(ulong r) => r != 0 ? _store.FunctionFromRef(r) : throw Trap("null function reference");

    /// <summary>Runs a host function on the arguments at absolute slot <paramref name="args"/>; its results replace them (or it returns the exception it let through).</summary>
    private ExceptionInstance? CallHost(FunctionInstance callee, int args)
    {
        var np = callee.Type.Params.Length;
        var nr = callee.Type.Results.Length;
        if (args + np + nr >= _stack.Length)
        {
            throw Exhausted();
        }

        _top = args + np + nr;
        var a = _s + args;
        var thrown = RunHost(callee.Host!, a, np, nr);
        MoveDown(a, np, nr);
        return thrown;
    }

    /// <summary>Copies <paramref name="count"/> slots from <paramref name="from"/> to slot 0 of <paramref name="f"/> (from &gt;= 0, so ascending is safe).</summary>
    private static void MoveDown(ulong* f, int from, int count)
    {
        for (var i = 0; i < count; i++)
        {
            f[i] = f[from + i];
        }
    }
}
