using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
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

    /// <summary>The offset of the access being compiled (u64: memory64).</summary>
    private ulong _accessOffset;

    /// <summary>The type of an address into memory <paramref name="k"/>: i64 for memory64.</summary>
    private ValType AddressType(int k) => _m.Memories[k].Limits.IndexType;

    /// <summary>
    /// Reads a memarg (alignment flags, memory index in 3.0 when bit 6 is set, offset) and checks
    /// it; returns the address type. Then pop the address and call <see cref="AccessAddress"/>.
    /// </summary>
    private ValType ReadMemArg(int naturalLog2)
    {
        var align = _r.U32();
        var memory = 0u;
        if (_m.Wasm3 && (align & CodeSyntax.MemArgHasMemory) != 0)
        {
            align &= ~CodeSyntax.MemArgHasMemory;
            memory = _r.U32();
        }

        _accessOffset = _m.Wasm3 ? _r.U64() : _r.U32();
        _accessMemory = CheckMemory(memory);
        if (align > naturalLog2)
        {
            throw Fail.Invalid("alignment must not be larger than natural");
        }

        var type = AddressType(_accessMemory);
        if (type == I32 && _accessOffset > uint.MaxValue)
        {
            throw Fail.Invalid("offset out of range");
        }

        return type;
    }

    /// <summary>
    /// The address slot and 32-bit offset that the access instruction takes. A memory64 address
    /// is first reduced (<see cref="Op.Address64"/>: address + offset, trapping when it cannot be
    /// in bounds) into the free slot at the address's stack position, with offset 0.
    /// </summary>
    private (int Slot, int Offset) AccessAddress(int address)
    {
        if (AddressType(_accessMemory) == I32)
        {
            return (address, (int)_accessOffset);
        }

        var slot = Canon(_vc);
        Emit(Op.Address64, slot);
        Emit(address);
        Emit((int)_accessOffset);
        Emit((int)(_accessOffset >> 32));
        _lastDst = -1;
        return (slot, 0);
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

    /// <summary>Memory 0 of 2.0 (a 32-bit memory) keeps the 2.0 instructions; any other memory takes the *At forms.</summary>
    private bool IsPlain(int k) => k == 0 && AddressType(0) == I32;

    private void MemorySize()
    {
        var k = MemoryIndexImmediate();
        if (IsPlain(k))
        {
            EmitDst(Op.MemorySize, PushDst(I32));
            return;
        }

        EmitDst(Op.MemorySizeAt, PushDst(AddressType(k)));
        Emit(k);
    }

    private void MemoryGrow()
    {
        var k = MemoryIndexImmediate();
        var t = AddressType(k);
        Pop(t);
        var sd = _ps;
        EmitDst(IsPlain(k) ? Op.MemoryGrow : Op.MemoryGrowAt, PushDst(t));
        Emit(sd);
        if (!IsPlain(k))
        {
            Emit(k);
        }
    }

    private void MemoryInit()
    {
        var seg = DataIndex();
        var k = MemoryIndexImmediate();
        EmitBulk(IsPlain(k) ? Op.MemoryInit : Op.MemoryInitAt);
        Emit(seg);
        if (!IsPlain(k))
        {
            Emit(k);
        }

        Pop(I32);
        Pop(I32);
        Pop(AddressType(k));
    }

    private void MemoryCopy()
    {
        var dest = MemoryIndexImmediate();
        var src = MemoryIndexImmediate();
        if (IsPlain(dest) && IsPlain(src))
        {
            EmitBulk(Op.MemoryCopy);
        }
        else
        {
            EmitBulk(Op.MemoryCopyAt);
            Emit(dest);
            Emit(src);
        }

        // The length has the narrower of the two address types.
        Pop(AddressType(dest) == I64 && AddressType(src) == I64 ? I64 : I32);
        Pop(AddressType(src));
        Pop(AddressType(dest));
    }

    private void MemoryFill()
    {
        var k = MemoryIndexImmediate();
        EmitBulk(IsPlain(k) ? Op.MemoryFill : Op.MemoryFillAt);
        if (!IsPlain(k))
        {
            Emit(k);
        }

        Pop(AddressType(k));
        Pop(I32);
        Pop(AddressType(k));
    }
}
