using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

/// <summary>A legacy try: where its body's code starts and ends, its catch clauses, and the delegates that target it.</summary>
internal sealed class LegacyTry
{
    public int BodyStart;
    public int BodyEnd = -1;
    public List<LegacyClause> Clauses { get; } = [];
    public List<int> DelegateFixups { get; } = [];
    public bool HasCatchAll;
}

/// <summary>A legacy catch clause: tag (-1: catch_all), code start, payload slot, hidden local; rethrown when some rethrow names it.</summary>
internal sealed record LegacyClause(int Tag, int Target, int Dest, int Arity, int Local)
{
    public bool Rethrown { get; set; }
}

/// <summary>
/// The legacy exception instructions (the <c>legacy/</c> scripts): <c>try</c> with <c>catch</c> /
/// <c>catch_all</c> clauses, <c>try ... delegate l</c> and <c>rethrow l</c>, on the try_table
/// machinery. The try body's code range gets a handler entry whose descriptor (emitted at the
/// try's end, jumped over) lists the clauses: kind 0 / 2 (catch / catch_all, payload at the
/// try's height) or, when a rethrow names the clause, kind 4 / 5 which also keep the exception
/// in the clause's hidden local (an exnref) for <c>rethrow</c> (a throw_ref of that local). A
/// delegate's body gets a descriptor of one kind-6 clause naming the handler entry the exception
/// moves on to: that of the nearest try body (legacy try or try_table) enclosing label l's block
/// (l's own, if it is a try still in its body), patched when that entry is made; -1: the caller.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private const int DelegateKind = 6;

    private void LegacyTryStart()
    {
        var (pin, pout) = ReadBlockType();
        MaterializeAll();
        Pop(pin);
        var c = PushCtrl(KTry, pin, pout);
        c.Legacy = new LegacyTry { BodyStart = _pc };
        _lastDst = -1;
    }

    private void LegacyCatch(bool catchAll)
    {
        var tag = catchAll ? -1 : (int)_r.U32();
        var payload = catchAll ? [] : TagType((uint)tag).Params;
        MaterializeAll();
        var c = PopCtrl();
        if (c.Legacy is not { } legacy || c.Kind is not (KTry or KCatch))
        {
            throw Fail.Invalid(catchAll ? "catch_all without try" : "catch without try");
        }

        if (legacy.HasCatchAll)
        {
            throw Fail.Malformed("catch after catch_all");
        }

        if (c.Kind == KTry)
        {
            legacy.BodyEnd = _pc;
        }

        Emit(Op.Jump);
        (c.Fixups ??= []).Add(_pc);
        Emit(-1);
        var clause = new LegacyClause(tag, _pc, Canon(c.Height), payload.Length, _hiddenLocal++);
        legacy.Clauses.Add(clause);
        legacy.HasCatchAll |= catchAll;
        var e = PushCtrl(KCatch, payload, c.End);
        e.Fixups = c.Fixups;
        e.Legacy = legacy;
        e.Clause = clause;
        _lastDst = -1;
    }

    /// <summary>At the end of a legacy try (<paramref name="c"/>, its body or last clause, popped): the descriptor and the handler entry.</summary>
    private void EndLegacyTry(Ctrl c)
    {
        if (c.Legacy is not { } legacy)
        {
            return;
        }

        if (c.Kind == KTry)
        {
            legacy.BodyEnd = _pc;
        }

        Emit(Op.Jump);
        var skip = _pc;
        Emit(-1);
        var descriptor = _pc;
        Emit(legacy.Clauses.Count);
        foreach (var k in legacy.Clauses)
        {
            var catchAll = k.Tag < 0;
            Emit(k.Rethrown ? (catchAll ? 5 : 4) : (catchAll ? 2 : 0));
            Emit(Math.Max(k.Tag, 0));
            Emit(k.Target);
            Emit(k.Dest);
            Emit(k.Rethrown ? k.Local : k.Arity);
        }

        _code[skip] = _pc;
        AddHandler(legacy.BodyStart, legacy.BodyEnd, descriptor, legacy.DelegateFixups);
    }

    private void LegacyDelegate()
    {
        var depth = _r.U32();
        MaterializeAll();
        var c = PopCtrl();
        if (c.Kind != KTry)
        {
            throw Fail.Invalid("delegate without try");
        }

        var target = Label(depth);
        var bodyEnd = _pc;
        Emit(Op.Jump);
        var skip = _pc;
        Emit(-1);
        var descriptor = _pc;
        Emit(1);
        Emit(DelegateKind);
        var entry = _pc;
        Emit(-1);
        Emit(0);
        Emit(0);
        Emit(0);
        _code[skip] = _pc;
        for (var i = _ctrls.IndexOf(target); i >= 0; i--)
        {
            var x = _ctrls[i];
            if (x.Kind == KTry)
            {
                x.Legacy!.DelegateFixups.Add(entry);
                break;
            }

            if (x.Handler >= 0)
            {
                (x.DelegateFixups ??= []).Add(entry);
                break;
            }
        }

        AddHandler(c.Legacy!.BodyStart, bodyEnd, descriptor, c.Legacy.DelegateFixups);
        PatchHere(c.Fixups);
        Push(c.End);
    }

    private void LegacyRethrow()
    {
        var c = Label(_r.U32());
        if (c.Clause is not { } clause || c.Kind != KCatch)
        {
            throw Fail.Invalid("invalid rethrow label");
        }

        clause.Rethrown = true;
        Emit(Op.ThrowRef, clause.Local);
        SetUnreachable();
    }
}
