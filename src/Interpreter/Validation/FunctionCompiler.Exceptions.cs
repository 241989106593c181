using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

// Exception handling (3.0): throw, throw_ref and try_table. A try_table's catch clauses are a
// descriptor in the code, jumped over, whose branch targets are patched like any other; at its
// end the block's code range and descriptor join the function's handler table, innermost first.
internal sealed partial class FunctionCompiler
{
    /// <summary>Per try_table, in the order they end: first pc after the descriptor, end pc, descriptor pc.</summary>
    private readonly List<int> _handlers = [];

    private static ValType ExnNonNull => ValTypes.Ref(ValTypes.Exn, nullable: false);

    private FuncType TagType(uint tag) =>
        tag < _m.TagTypeIndices.Count ? _m.FuncTypeAt(_m.TagTypeIndices[(int)tag]) : throw Fail.Invalid("unknown tag");

    private void Throw()
    {
        var tag = _r.U32();
        var t = TagType(tag);
        MaterializeAll();
        Pop(t.Params);
        Emit(Op.Throw, (int)tag);
        Emit(Canon(_vc));
        SetUnreachable();
    }

    private void ThrowRef()
    {
        Pop(ValType.ExnRef);
        Emit(Op.ThrowRef, _ps);
        SetUnreachable();
    }

    /// <summary>try_table bt catch*: the descriptor is [count, (kind, tag, target, dest, arity) per catch].</summary>
    private void TryTable()
    {
        var (pin, pout) = ReadBlockType();
        MaterializeAll();
        Emit(Op.Jump);
        var skip = _pc;
        Emit(-1);
        var descriptor = _pc;
        var n = _r.U32();
        Emit((int)n);
        for (var i = 0u; i < n; i++)
        {
            var kind = _r.Byte();
            var tag = kind < 2 ? _r.U32() : 0;
            var label = Label(_r.U32());
            ValType[] delivered = kind switch
            {
                0 => TagType(tag).Params,
                1 => [.. TagType(tag).Params, ExnNonNull],
                2 => [],
                _ => [ExnNonNull],
            };
            var expected = LabelTypes(label);
            if (expected.Length != delivered.Length)
            {
                throw Fail.Invalid("type mismatch: catch clause and label arity differ");
            }

            for (var k = 0; k < expected.Length; k++)
            {
                if (!Subtyping.Matches(_m, delivered[k], expected[k]))
                {
                    throw Fail.Invalid($"type mismatch: catch delivers {delivered[k].Name()}, label expects {expected[k].Name()}");
                }
            }

            Emit(kind);
            Emit((int)tag);
            EmitTarget(label);
            Emit(Canon(label.Height));
            Emit(expected.Length);
        }

        _code[skip] = _pc;
        Pop(pin);
        var c = PushCtrl(KBlock, pin, pout);
        c.Handler = descriptor;
        c.TryStart = _pc;
        _lastDst = -1;
    }

    /// <summary>At a try_table's end (<paramref name="c"/> popped): its handler covers the block's code.</summary>
    private void EndTryTable(Ctrl c)
    {
        if (c.Handler >= 0)
        {
            AddHandler(c.TryStart, _pc, c.Handler, c.DelegateFixups);
        }
    }

    /// <summary>Adds a handler entry; legacy delegates that target it learn its index.</summary>
    private void AddHandler(int start, int end, int descriptor, List<int>? delegateFixups)
    {
        var index = _handlers.Count / 3;
        _handlers.Add(start);
        _handlers.Add(end);
        _handlers.Add(descriptor);
        foreach (var at in delegateFixups ?? [])
        {
            _code[at] = index;
        }
    }
}
