namespace WasmBench.Interpreter.Runtime;

/// <summary>
/// Internal opcodes of the translated code (an <c>int[]</c>: opcode, then its immediates).
/// Plain instructions keep their WebAssembly opcode; control flow is resolved into jumps;
/// the 0xFC instructions live at 0xE0 + their sub-opcode so the dispatch switch stays dense.
/// </summary>
internal static class Op
{
    public const int Unreachable = 0x00;
    /// <summary>Loop header: fuel/deadline check on every iteration.</summary>
    public const int LoopHeader = 0x01;
    /// <summary>[target, arity, dest]: keep the top arity values at fp+dest, jump.</summary>
    public const int BrMove = 0x02;
    /// <summary>[target, arity, dest]: pop i32; when non-zero act as <see cref="BrMove"/>.</summary>
    public const int BrIfMove = 0x03;
    /// <summary>[target]: pop i32; jump when zero (the <c>if</c> instruction).</summary>
    public const int JumpIfZero = 0x04;
    /// <summary>[target].</summary>
    public const int Jump = 0x0C;
    /// <summary>[target]: pop i32; jump when non-zero.</summary>
    public const int BrIf = 0x0D;
    /// <summary>[count, arity, (target, dest) * (count + 1)].</summary>
    public const int BrTable = 0x0E;
    public const int Return = 0x0F;
    public const int Call = 0x10;
    public const int CallIndirect = 0x11;
    public const int Drop = 0x1A;
    public const int Select = 0x1B;
    public const int LocalGet = 0x20;
    public const int LocalSet = 0x21;
    public const int LocalTee = 0x22;
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
}

/// <summary>A function translated to internal code, with its frame layout.</summary>
internal sealed unsafe class CompiledFunction
{
    public CompiledFunction(int[] code, int numParams, int numLocals, int numResults, int maxHeight)
    {
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
}
