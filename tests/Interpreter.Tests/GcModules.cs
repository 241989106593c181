using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Tests;

/// <summary>Small valid GC modules (3.0): test subjects and mutation seeds.</summary>
internal static class GcModules
{
    private const ValType I32 = ValType.I32;

    /// <summary>
    /// Type 0: <c>(array (mut i32))</c>; type 1: <c>(struct i32 (ref null 1) (ref null 0))</c>, a
    /// list node holding a value, the next node and an array; global 0: the list, <c>(mut (ref null 1))</c>.
    /// <c>churn(n)</c> allocates n arrays of 1024 elements, each dropped at once, and returns the
    /// sum of their lengths; <c>hoard(n)</c> pushes nodes n..1 onto the list, each with such an
    /// array, so all of them stay alive; <c>chain_sum()</c> sums the values on the list;
    /// <c>keep_local()</c> keeps a small array in a local across <c>churn(3000)</c> and returns
    /// the element it set before; <c>casts(i)</c> is <c>ref.test (ref i31)</c> of <c>ref.i31 i</c> plus
    /// <c>i31.get_s</c> of it, plus 100 when <c>br_on_cast_fail</c> takes its branch for an array
    /// cast to the node type (the block's result then is that array, tested with <c>ref.test (ref array)</c>).
    /// </summary>
    public static byte[] Heap()
    {
        var b = new ModuleBuilder();
        var array = b.RawType(0x5E, 0x7F, 0x01);
        var node = b.RawType(0x5F, 3, 0x7F, 0, 0x63, 1, 0, 0x63, 0, 0);
        var i_i = b.Type([I32], [I32]);
        var i_v = b.Type([I32], []);
        var v_i = b.Type([], [I32]);
        var nodeRef = ValTypes.RefTo(node, nullable: true);
        var arrayRef = ValTypes.RefTo(array, nullable: true);
        b.Global(nodeRef, true, 0xD0, (byte)node);
        // 0: churn(n): block loop (n == 0 -> out) acc += array.len(array.new_default 1024); n--; end end acc
        b.Export("churn", ExternKind.Func, b.Func(i_i, [I32],
            0x02, 0x40, 0x03, 0x40, 0x20, 0, 0x45, 0x0D, 1,
            0x41, 0x80, 0x08, 0xFB, 7, (byte)array, 0xFB, 15, 0x20, 1, 0x6A, 0x21, 1,
            0x20, 0, 0x41, 1, 0x6B, 0x21, 0, 0x0C, 0, 0x0B, 0x0B, 0x20, 1, 0x0B));
        // 1: hoard(n): list = struct.new node(n, list, array.new_default 1024), n times
        b.Export("hoard", ExternKind.Func, b.Func(i_v, [],
            0x02, 0x40, 0x03, 0x40, 0x20, 0, 0x45, 0x0D, 1,
            0x20, 0, 0x23, 0, 0x41, 0x80, 0x08, 0xFB, 7, (byte)array, 0xFB, 0, (byte)node, 0x24, 0,
            0x20, 0, 0x41, 1, 0x6B, 0x21, 0, 0x0C, 0, 0x0B, 0x0B, 0x0B));
        // 2: chain_sum(): p = list; while p != null: s += p.0; p = p.1
        b.Export("chain_sum", ExternKind.Func, b.Func(v_i, [nodeRef, I32],
            0x23, 0, 0x21, 0, 0x02, 0x40, 0x03, 0x40, 0x20, 0, 0xD1, 0x0D, 1,
            0x20, 0, 0xFB, 2, (byte)node, 0, 0x20, 1, 0x6A, 0x21, 1,
            0x20, 0, 0xFB, 2, (byte)node, 1, 0x21, 0, 0x0C, 0, 0x0B, 0x0B, 0x20, 1, 0x0B));
        // 3: keep_local(): a = array.new_default 4; a[2] = 77; drop churn(3000); a[2]
        b.Export("keep_local", ExternKind.Func, b.Func(v_i, [arrayRef],
            0x41, 4, 0xFB, 7, (byte)array, 0x21, 0,
            0x20, 0, 0x41, 2, 0x41, 0xCD, 0x00, 0xFB, 14, (byte)array,
            0x41, 0xB8, 0x17, 0x10, 0, 0x1A,
            0x20, 0, 0x41, 2, 0xFB, 11, (byte)array, 0x0B));
        // 4: casts(i): ref.test i31 (ref.i31 i) + i31.get_s (ref.i31 i)
        //    + 100 * ref.test array (block (result anyref) array.new_default 1; br_on_cast_fail 0 any -> (ref node); drop; ref.null any)
        b.Export("casts", ExternKind.Func, b.Func(i_i, [],
            0x20, 0, 0xFB, 28, 0xFB, 20, 0x6C,
            0x20, 0, 0xFB, 28, 0xFB, 29, 0x6A,
            0x02, 0x6E, 0x41, 1, 0xFB, 7, (byte)array, 0xFB, 25, 0x01, 0, 0x6E, (byte)node, 0x1A, 0xD0, 0x6E, 0x0B,
            0xFB, 20, 0x6A, 0x41, 0xE4, 0x00, 0x6C, 0x6A, 0x0B));
        b.Export("list", ExternKind.Global, 0);
        return b.Build();
    }
}
