namespace WasmBench.Interpreter.Runtime;

// Exception handling: making exceptions, finding a frame's handler, host calls that let an
// exception through. Unwinding itself is a loop in the dispatch method (no host recursion).
internal sealed unsafe partial class Vm
{
    /// <summary>A new exception of <paramref name="tag"/> with the payload at absolute slot <paramref name="args"/>.</summary>
    private ExceptionInstance NewException(TagInstance tag, int args)
    {
        var ps = tag.Type.Params;
        var payload = new ulong[ps.Length];
        var hi = new ulong[ps.Length];
        for (var i = 0; i < ps.Length; i++)
        {
            payload[i] = _s[args + i];
            if (ps[i] == Model.ValType.V128)
            {
                hi[i] = HiBase()[args + i];
            }
        }

        return new ExceptionInstance(tag, payload, hi);
    }

    private ExceptionInstance ExceptionFromSlot(ulong r) => r != 0 ? _store.ExceptionFromRef(r) : throw Trap("null exception reference");

    /// <summary>
    /// The pc of the handler of the frame at <paramref name="fp"/> (running <paramref name="fn"/>,
    /// stopped just after an instruction that ended at or before <paramref name="pc"/>) that
    /// catches <paramref name="exn"/>, its values delivered to the label; -1 when none does.
    /// </summary>
    private int Catch(CompiledFunction fn, ModuleInstance inst, int fp, int pc, ExceptionInstance exn)
    {
        var h = fn.Handlers;
        var code = fn.Code;
        for (var i = 0; i < h.Length; i += 3)
        {
            if (pc <= h[i] || pc > h[i + 1])
            {
                continue;
            }

            var d = h[i + 2];
            var n = code[d];
            for (var k = 0; k < n; k++)
            {
                var at = d + 1 + (5 * k);
                var kind = code[at];
                if (kind == 6)
                {
                    // A legacy delegate: the search goes on at the handler entry it names (-1: the caller).
                    if (code[at + 1] < 0)
                    {
                        return -1;
                    }

                    i = (3 * code[at + 1]) - 3;
                    break;
                }

                if (kind is 0 or 1 or 4 && !ReferenceEquals(inst.Tags[code[at + 1]], exn.Tag))
                {
                    continue;
                }

                if (kind is 4 or 5)
                {
                    // A legacy catch that some rethrow names keeps the exception in its hidden local.
                    _s[fp + code[at + 4]] = _store.ExceptionRef(exn);
                }

                var dest = fp + code[at + 3];
                var np = kind is 0 or 1 or 4 ? exn.Payload.Length : 0;
                for (var j = 0; j < np; j++)
                {
                    _s[dest + j] = exn.Payload[j];
                    if (exn.Hi[j] != 0 || _hi is not null)
                    {
                        HiBase()[dest + j] = exn.Hi[j];
                    }
                }

                if (kind is 1 or 3)
                {
                    _s[dest + np] = _store.ExceptionRef(exn);
                }

                return code[at + 2];
            }
        }

        return -1;
    }

    /// <summary>Runs a host function; an exception it lets through (from wasm it called, or its own) is returned.</summary>
    private static ExceptionInstance? RunHost(HostFunction host, ulong* args, int np, int nr)
    {
        try
        {
            host(new ReadOnlySpan<ulong>(args, np), new Span<ulong>(args + np, nr));
            return null;
        }
        catch (UncaughtException e)
        {
            return e.Exception;
        }
    }
}
