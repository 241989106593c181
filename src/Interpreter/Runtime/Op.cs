namespace WasmBench.Interpreter.Runtime;

/// <summary>
/// Internal opcodes of the translated register code (an <c>int[]</c>: opcode, then operands).
/// Operands are frame slots relative to fp: locals first, then the operand stack at its
/// static depth. Numeric instructions keep their WebAssembly opcode with [dst, a(, b)];
/// loads [dst, addr, offset]; stores [addr, value, offset]; control flow is resolved into
/// jumps; the 0xFC instructions live at 0xE0 + their sub-opcode so the switch stays dense.
/// <para>
/// The numbering, in ranges (an internal opcode is <c>range base + WebAssembly opcode</c>):
/// <list type="bullet">
/// <item>0x00..0xFF: the WebAssembly opcode itself (<see cref="Binary.Opcode"/>), or one of the
/// control opcodes below that reuse the free numbers of that byte.</item>
/// <item><see cref="CompareBranch"/> (0x100 + an integer compare): the compare fused with the
/// <c>br_if</c> or <c>if</c> it feeds, [a, b, target].</item>
/// <item><see cref="WithImmediate"/> (0x200 + a binary integer op or compare): the second
/// operand is a small constant folded into the code, [dst, a, imm].</item>
/// <item><see cref="CompareImmediateBranch"/> (0x300 + an integer compare): both of the above,
/// [a, imm, target].</item>
/// <item><see cref="Simd"/> (0x1000 + a SIMD sub-opcode, or + <see cref="SimdInternal"/>): run by
/// <c>Vm.Simd</c> out of the hot method.</item>
/// <item><see cref="Gc"/> (0x800 + a GC sub-opcode): run by <c>Vm.Gc</c> out of the hot method.</item>
/// </list>
/// </para>
/// </summary>
internal static class Op
{
    public const int Unreachable = 0x00;
    /// <summary>[tag, args]: throw a new exception of tag with the payload at args.</summary>
    public const int Throw = 0x08;
    /// <summary>[src]: throw the exnref at src (null traps).</summary>
    public const int ThrowRef = 0x0A;
    /// <summary>Loop header: fuel/deadline check on every iteration.</summary>
    public const int LoopHeader = 0x01;
    /// <summary>[target, arity, src, dest]: move arity values from src to dest, jump.</summary>
    public const int BrMove = 0x02;
    /// <summary>[cond, target, arity, src, dest]: when cond is non-zero act as <see cref="BrMove"/>.</summary>
    public const int BrIfMove = 0x03;
    /// <summary>[cond, target]: jump when zero (the <c>if</c> instruction).</summary>
    public const int JumpIfZero = 0x04;
    /// <summary>[cond, target]: jump when the i64 cond is zero (a fused i64.eqz + br_if).</summary>
    public const int JumpIfZero64 = 0x05;
    /// <summary>[cond, target]: jump when the i64 cond is non-zero (a fused i64.eqz + if).</summary>
    public const int BrIf64 = 0x06;
    /// <summary>[target].</summary>
    public const int Jump = 0x0C;
    /// <summary>[cond, target]: jump when non-zero.</summary>
    public const int BrIf = 0x0D;
    /// <summary>[cond, count, arity, src, (target, dest) * (count + 1)].</summary>
    public const int BrTable = 0x0E;
    /// <summary>[src]: the results are at src.</summary>
    public const int Return = 0x0F;
    /// <summary>[func, argBase]: arguments (then results) at argBase.</summary>
    public const int Call = 0x10;
    /// <summary>[type, table, argBase]: the element index follows the arguments.</summary>
    public const int CallIndirect = 0x11;
    /// <summary>[func, argBase]: a tail call; the arguments move to the frame base, the frame is reused.</summary>
    public const int ReturnCall = 0x12;
    /// <summary>[type, table, argBase]: <see cref="ReturnCall"/> through a table.</summary>
    public const int ReturnCallIndirect = 0x13;
    /// <summary>[type, argBase]: the function reference follows the arguments; null traps.</summary>
    public const int CallRef = 0x14;
    /// <summary>[type, argBase]: <see cref="ReturnCall"/> through a function reference.</summary>
    public const int ReturnCallRef = 0x15;
    /// <summary>[dst, a, b, cond].</summary>
    public const int Select = 0x1B;
    /// <summary>[dst, src]: local.set, local.tee and materialization of lazily read locals.</summary>
    public const int Copy = 0x20;
    public const int GlobalGet = 0x23;
    public const int GlobalSet = 0x24;
    public const int TableGet = 0x25;
    public const int TableSet = 0x26;
    public const int MemorySize = 0x3F;
    public const int MemoryGrow = 0x40;
    public const int I32Const = 0x41;
    public const int I64Const = 0x42;
    public const int F32Const = 0x43;
    public const int F64Const = 0x44;
    public const int RefNull = 0xD0;
    public const int RefIsNull = 0xD1;
    public const int RefFunc = 0xD2;
    /// <summary>[dst, src]: copies a reference, trapping when it is null.</summary>
    public const int RefAsNonNull = 0xD4;
    /// <summary>[dst, address, offset lo, offset hi]: a memory64 address plus its offset, as the 32-bit address of the access that follows (trap when out of range).</summary>
    public const int Address64 = 0xF9;
    /// <summary>[dst, src]: an i64 table index saturated to 32 bits (table64; anything that large is out of bounds).</summary>
    public const int Index64 = 0xFA;
    /// <summary>[slot]: an i32 result sign-extended to i64 in place (table.grow of a table64: -1).</summary>
    public const int SignExtend32 = 0xFB;
    /// <summary>[memory]: the next memory access reads or writes that memory (multi-memory; the hot loop's <c>mem</c> is memory 0).</summary>
    public const int UseMemory = 0xF2;
    /// <summary>[]: back to memory 0 after a <see cref="UseMemory"/> access.</summary>
    public const int UseMemory0 = 0xF3;
    /// <summary>[dst, memory]: memory.size of a memory other than 0.</summary>
    public const int MemorySizeAt = 0xF4;
    /// <summary>[dst, delta, memory]: memory.grow of a memory other than 0.</summary>
    public const int MemoryGrowAt = 0xF5;
    /// <summary>[sp, segment, memory]: memory.init of a memory other than 0 (operands below sp).</summary>
    public const int MemoryInitAt = 0xF6;
    /// <summary>[sp, dest memory, source memory]: memory.copy where either memory is not 0.</summary>
    public const int MemoryCopyAt = 0xF7;
    /// <summary>[sp, memory]: memory.fill of a memory other than 0.</summary>
    public const int MemoryFillAt = 0xF8;
    public const int Prefix = 0xE0;
    public const int MemoryInit = Prefix + 8;
    public const int DataDrop = Prefix + 9;
    public const int MemoryCopy = Prefix + 10;
    public const int MemoryFill = Prefix + 11;
    public const int TableInit = Prefix + 12;
    public const int ElemDrop = Prefix + 13;
    public const int TableCopy = Prefix + 14;
    public const int TableGrow = Prefix + 15;
    public const int TableSize = Prefix + 16;
    public const int TableFill = Prefix + 17;
    /// <summary>Base of the fused compare-and-branch forms: <c>CompareBranch + i32/i64 compare</c>, [a, b, target].</summary>
    public const int CompareBranch = 0x100;
    /// <summary>Base of the immediate forms: <c>WithImmediate + integer op</c>, [dst, a, imm] with imm an int.</summary>
    public const int WithImmediate = 0x200;
    /// <summary>Base of compare-with-immediate-and-branch: <c>CompareImmediateBranch + compare</c>, [a, imm, target].</summary>
    public const int CompareImmediateBranch = 0x300;
    /// <summary>GC (3.0): <c>Gc + GcOpcode</c> (and <see cref="RefEq"/>), run by <c>Vm.Gc</c> out of the hot method; formats in <c>Vm.Gc.cs</c>.</summary>
    public const int Gc = 0x800;
    /// <summary>[dst, a, b]: ref.eq.</summary>
    public const int RefEq = Gc + 0x3F;
    /// <summary>SIMD: <c>Simd + sub-opcode</c> (<see cref="SimdInternal"/> for the internal ones), run out of the hot method.</summary>
    public const int Simd = 0x1000;
}

/// <summary>A function translated to internal code, with its frame layout.</summary>
internal sealed unsafe class CompiledFunction
{
    public CompiledFunction(int[] code, int numParams, int numLocals, int numResults, int maxHeight, int[]? handlers = null)
    {
        Handlers = handlers ?? [];
        Code = GC.AllocateArray<int>(code.Length, pinned: true);
        code.CopyTo(Code, 0);
        fixed (int* p = Code)
        {
            CodePtr = p;
        }

        NumParams = numParams;
        NumLocals = numLocals;
        NumResults = numResults;
        MaxHeight = maxHeight;
    }

    /// <summary>Pinned, so <see cref="CodePtr"/> stays valid.</summary>
    public readonly int[] Code;
    public readonly int* CodePtr;
    public readonly int NumParams;
    /// <summary>Params plus declared locals: the operand stack starts at fp + NumLocals.</summary>
    public readonly int NumLocals;
    public readonly int NumResults;
    /// <summary>Largest frame size in slots (locals + operands).</summary>
    public readonly int MaxHeight;
    /// <summary>try_table handlers, innermost first: (first pc, end pc, catch descriptor) triples.</summary>
    public readonly int[] Handlers;
}
