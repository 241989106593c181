using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// Memory immediates and multi-memory (3.0). Memory 0 compiles exactly as in 2.0. An access to
/// another memory is bracketed by <see cref="Op.UseMemory"/> / <see cref="Op.UseMemory0"/>, so
/// every load and store (SIMD included) runs unchanged on the chosen memory; memory.size, grow,
/// init, copy and fill of another memory have their own internal opcodes.
/// </summary>
internal sealed partial class FunctionCompiler
{
    /// <summary>The memory of the access being compiled (set by <see cref="ReadMemArg"/>).</summary>
    private int _accessMemory;

    /// <summary>Reads a memarg (alignment flags, memory index in 3.0 when bit 6 is set, offset) and checks it.</summary>
    private uint ReadMemArg(int naturalLog2)
    {
        var align = _r.U32();
        var memory = 0u;
        if (_m.Wasm3 && (align & CodeSyntax.MemArgHasMemory) != 0)
        {
            align &= ~CodeSyntax.MemArgHasMemory;
            memory = _r.U32();
        }

        var offset = _r.U32();
        _accessMemory = CheckMemory(memory);
        if (align > naturalLog2)
        {
            throw Fail.Invalid("alignment must not be larger than natural");
        }

        return offset;
    }

    /// <summary>A memory index immediate: a zero byte in 2.0, a u32 in 3.0.</summary>
    private int MemoryIndexImmediate() => CheckMemory(_m.Wasm3 ? _r.U32() : _r.Byte());

    private int CheckMemory(uint memory) =>
        memory < _m.Memories.Count ? (int)memory : throw Fail.Invalid($"unknown memory {memory}");

    /// <summary>Before the access's instruction: switch to its memory when it is not memory 0.</summary>
    private void BeginAccess()
    {
        if (_accessMemory != 0)
        {
            Emit(Op.UseMemory, _accessMemory);
        }
    }

    /// <summary>After the access's instruction: back to memory 0.</summary>
    private void EndAccess()
    {
        if (_accessMemory != 0)
        {
            Emit(Op.UseMemory0);
            _lastDst = -1;
        }
    }

    private void MemorySize()
    {
        var k = MemoryIndexImmediate();
        if (k == 0)
        {
            EmitDst(Op.MemorySize, PushDst(I32));
            return;
        }

        EmitDst(Op.MemorySizeAt, PushDst(I32));
        Emit(k);
    }

    private void MemoryGrow()
    {
        var k = MemoryIndexImmediate();
        Pop(I32);
        var sd = _ps;
        EmitDst(k == 0 ? Op.MemoryGrow : Op.MemoryGrowAt, PushDst(I32));
        Emit(sd);
        if (k != 0)
        {
            Emit(k);
        }
    }

    private void MemoryInit()
    {
        var seg = DataIndex();
        var k = MemoryIndexImmediate();
        EmitBulk(k == 0 ? Op.MemoryInit : Op.MemoryInitAt);
        Emit(seg);
        if (k != 0)
        {
            Emit(k);
        }

        Pop(I32);
        Pop(I32);
        Pop(I32);
    }

    private void MemoryCopy()
    {
        var dest = MemoryIndexImmediate();
        var src = MemoryIndexImmediate();
        if (dest == 0 && src == 0)
        {
            EmitBulk(Op.MemoryCopy);
        }
        else
        {
            EmitBulk(Op.MemoryCopyAt);
            Emit(dest);
            Emit(src);
        }

        Pop(I32);
        Pop(I32);
        Pop(I32);
    }

    private void MemoryFill()
    {
        var k = MemoryIndexImmediate();
        EmitBulk(k == 0 ? Op.MemoryFill : Op.MemoryFillAt);
        if (k != 0)
        {
            Emit(k);
        }

        Pop(I32);
        Pop(I32);
        Pop(I32);
    }
}
