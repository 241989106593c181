using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// One pass over a function body that type-checks it (the spec's operand/control stack
/// algorithm) and, when asked, emits the internal code with resolved branch targets.
/// Validation runs it at compile time without keeping the code; the first call runs it again
/// to translate (lazy translation).
/// </summary>
internal sealed partial class FunctionCompiler
{
    private const byte KBlock = 0, KLoop = 1, KIf = 2, KElse = 3, KFunc = 4, KTry = 5, KCatch = 6;

    private readonly WasmModule _m;
    private readonly ValType[] _locals;
    /// <summary>The locals local.get/set/tee may name: params and declared ones (the hidden ones follow).</summary>
    private readonly int _visibleLocals;
    private int _hiddenLocal;
    private readonly FuncType _type;
    private readonly WasmReader _r;
    private ValType[] _vals = new ValType[64];
    /// <summary>Where each operand lives: its canonical slot (locals count + depth) or, lazily, a local's slot.</summary>
    private int[] _slot = new int[64];
    private int _vc;
    /// <summary>Slot of the last popped operand.</summary>
    private int _ps;
    /// <summary>Code index of the destination operand of the last emitted single-result instruction, or -1.</summary>
    private int _lastDst = -1;
    /// <summary>Code index just past that instruction (recorded when the next wasm instruction starts).</summary>
    private int _lastDstEnd = -1;
    private readonly List<Ctrl> _ctrls = [];
    private int[] _code = new int[256];
    private int _pc;
    private int _maxHeight;

    private sealed class Ctrl
    {
        public byte Kind;
        public ValType[] Start = [];
        public ValType[] End = [];
        public int Height;
        public bool Unreachable;
        public int LabelPc;
        public List<int>? Fixups;
        public int ElseFixup = -1;
        /// <summary>How many locals the initialisation log held when the block started.</summary>
        public int InitHeight;
        /// <summary>A try_table's catch descriptor (code index), or -1.</summary>
        public int Handler = -1;
        /// <summary>A try_table's first code index after the descriptor.</summary>
        public int TryStart;
        /// <summary>Descriptor slots of legacy delegates that hand their exceptions to this try_table's handler entry.</summary>
        public List<int>? DelegateFixups;
        /// <summary>A legacy try (its body and its catch clauses).</summary>
        public LegacyTry? Legacy;
        /// <summary>A legacy catch clause (the ctrl of its body): rethrow's target.</summary>
        public LegacyClause? Clause;
    }

    private FunctionCompiler(WasmModule m, int defIndex)
    {
        _m = m;
        var body = m.Bodies[defIndex];
        _type = m.FuncType((uint)(m.ImportedFuncs + defIndex));
        _visibleLocals = _type.Params.Length + body.Locals.Length;
        _hiddenLocal = _visibleLocals;
        // Each legacy catch clause keeps its exception in a hidden local of its own (for rethrow).
        _locals = [.. _type.Params, .. body.Locals, .. Enumerable.Repeat(ValType.ExnRef, body.LegacyCatches)];
        _r = new WasmReader(m.Bytes, body.CodeStart, body.CodeEnd);
        _init = new bool[_locals.Length];
        for (var i = 0; i < _locals.Length; i++)
        {
            Subtyping.Check(m, _locals[i]);
            _init[i] = i < _type.Params.Length || _locals[i].Defaultable();
        }
    }

    /// <summary>Type-checks a function body without keeping its code (validation).</summary>
    public static void Validate(WasmModule m, int defIndex) => new FunctionCompiler(m, defIndex).Run();

    /// <summary>Type-checks and translates a function body (first call).</summary>
    public static CompiledFunction Compile(WasmModule m, int defIndex)
    {
        var c = new FunctionCompiler(m, defIndex);
        c.Run();
        return new CompiledFunction(c._code[..c._pc], c._type.Params.Length, c._locals.Length, c._type.Results.Length, c._locals.Length + c._maxHeight + 1, [.. c._handlers]);
    }

    // ---- operand and control stacks -------------------------------------------------

    private void Push(ValType t)
    {
        if (_vc == _vals.Length)
        {
            Array.Resize(ref _vals, _vc * 2);
            Array.Resize(ref _slot, _vc * 2);
        }

        _slot[_vc] = _locals.Length + _vc;
        _vals[_vc++] = t;
        if (_vc > _maxHeight)
        {
            _maxHeight = _vc;
        }
    }

    private void Push(ValType[] ts)
    {
        foreach (var t in ts)
        {
            Push(t);
        }
    }

    private ValType Pop()
    {
        var top = _ctrls[^1];
        if (_vc == top.Height)
        {
            if (top.Unreachable)
            {
                _ps = _locals.Length + _vc;
                return ValType.Unknown;
            }

            throw Fail.Invalid("type mismatch: operand stack underflow");
        }

        _ps = _slot[--_vc];
        return _vals[_vc];
    }

    private ValType Pop(ValType expect)
    {
        var actual = Pop();
        if (!Subtyping.Matches(_m, actual, expect))
        {
            throw Fail.Invalid($"type mismatch: expected {expect.Name()}, got {actual.Name()}");
        }

        return actual;
    }

    private void Pop(ValType[] ts)
    {
        for (var i = ts.Length - 1; i >= 0; i--)
        {
            Pop(ts[i]);
        }
    }

    private Ctrl PushCtrl(byte kind, ValType[] start, ValType[] end)
    {
        var c = new Ctrl { Kind = kind, Start = start, End = end, Height = _vc, InitHeight = _initLog.Count };
        _ctrls.Add(c);
        Push(start);
        return c;
    }

    private Ctrl PopCtrl()
    {
        if (_ctrls.Count == 0)
        {
            throw Fail.Invalid("type mismatch: unbalanced end");
        }

        var c = _ctrls[^1];
        Pop(c.End);
        if (_vc != c.Height)
        {
            throw Fail.Invalid("type mismatch: values remain on the stack at end of block");
        }

        _ctrls.RemoveAt(_ctrls.Count - 1);
        ForgetInits(c.InitHeight);
        return c;
    }

    private static ValType[] LabelTypes(Ctrl c) => c.Kind == KLoop ? c.Start : c.End;

    private void SetUnreachable()
    {
        var c = _ctrls[^1];
        _vc = c.Height;
        c.Unreachable = true;
        _lastDst = -1;
    }

    private Ctrl Label(uint depth)
    {
        if (depth >= _ctrls.Count)
        {
            throw Fail.Invalid("unknown label");
        }

        return _ctrls[_ctrls.Count - 1 - (int)depth];
    }

    // ---- emission -------------------------------------------------------------------

    private void Emit(int v)
    {
        if (_pc == _code.Length)
        {
            Array.Resize(ref _code, _pc * 2);
        }

        _code[_pc++] = v;
    }

    private void Emit(int op, int a)
    {
        Emit(op);
        Emit(a);
    }

    private int Canon(int depth) => _locals.Length + depth;

    /// <summary>Pushes a result and returns its (canonical) destination slot.</summary>
    private int PushDst(ValType t)
    {
        Push(t);
        return _slot[_vc - 1];
    }

    /// <summary>Emits an instruction [op, dst, ...] whose dst a following local.set may retarget.</summary>
    private void EmitDst(int op, int dst)
    {
        Emit(op);
        _lastDst = _pc;
        _lastDstEnd = -1;
        Emit(dst);
    }

    /// <summary>Copies every lazily referenced operand into its canonical slot (before control flow, calls...).</summary>
    private void MaterializeAll()
    {
        for (var i = 0; i < _vc; i++)
        {
            Materialize(i);
        }
    }

    private void Materialize(int i)
    {
        var c = Canon(i);
        if (_slot[i] != c)
        {
            Emit(_vals[i] == ValType.V128 ? Op.Simd + SimdInternal.Copy128 : Op.Copy);
            Emit(c);
            Emit(_slot[i]);
            _slot[i] = c;
            _lastDst = -1;
        }
    }

    /// <summary>local.set x: pops the top operand into local x.</summary>
    private void SetLocal(int x)
    {
        Pop(_locals[x]);
        MarkInit(x);
        var src = _ps;
        var aliased = false;
        for (var i = 0; i < _vc; i++)
        {
            if (_slot[i] == x)
            {
                Materialize(i);
                aliased = true;
            }
        }

        if (!aliased && src == Canon(_vc) && LastIsDst(src))
        {
            _code[_lastDst] = x;
        }
        else if (src != x)
        {
            Emit(_locals[x] == ValType.V128 ? Op.Simd + SimdInternal.Copy128 : Op.Copy);
            Emit(x);
            Emit(src);
        }

        _lastDst = -1;
    }

    /// <summary>Emits a branch target for <paramref name="c"/>, patched later when it is a forward one.</summary>
    private void EmitTarget(Ctrl c)
    {
        if (c.Kind == KLoop)
        {
            Emit(c.LabelPc);
        }
        else
        {
            (c.Fixups ??= []).Add(_pc);
            Emit(-1);
        }
    }

    private void PatchHere(List<int>? fixups)
    {
        _lastDst = -1;
        if (fixups is null)
        {
            return;
        }

        foreach (var f in fixups)
        {
            _code[f] = _pc;
        }
    }

    /// <summary>Emits br (or br_if when <paramref name="conditional"/>) to <paramref name="c"/> from the current height.</summary>
    private void EmitBranch(Ctrl c, bool conditional, int cond = -1)
    {
        var arity = LabelTypes(c).Length;
        var plain = !_ctrls[^1].Unreachable && _vc - arity == c.Height;
        if (plain)
        {
            Emit(conditional ? Op.BrIf : Op.Jump);
            if (conditional)
            {
                Emit(cond);
            }

            EmitTarget(c);
        }
        else
        {
            EmitHiMove(LabelTypes(c), Canon(_vc - arity), Canon(c.Height), conditional ? cond : -1);
            Emit(conditional ? Op.BrIfMove : Op.BrMove);
            if (conditional)
            {
                Emit(cond);
            }

            EmitTarget(c);
            Emit(arity);
            Emit(Canon(_vc - arity));
            Emit(Canon(c.Height));
        }

        _lastDst = -1;
    }

    private ValType CheckType(ValType t) => Subtyping.Check(_m, t);

    private ValType[] BlockType()
    {
        var b = _r.Peek();
        if (b == 0x40)
        {
            _r.Pos++;
            return [];
        }

        if ((b & 0xC0) == 0x40)
        {
            _r.Pos++;
            return [CheckType(ValTypeReader.ValueType(_r, _m, b))];
        }

        return [];
    }

    /// <summary>Reads a block type as (params, results).</summary>
    private (ValType[] In, ValType[] Out) ReadBlockType()
    {
        var b = _r.Peek();
        if (b == 0x40 || (b & 0xC0) == 0x40)
        {
            return ([], BlockType());
        }

        var ft = _m.FuncTypeAt(_r.SignedLeb(33));
        return (ft.Params, ft.Results);
    }
}
