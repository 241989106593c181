using System.Runtime.CompilerServices;
using WasmBench.Runners.Conformance;
using Wt = global::Wasmtime;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// Converts <see cref="WasmValue"/>s to Wasmtime values and back, keeping float bits exact and
/// externref identity (<c>ref.extern N</c> is one host object per N for the whole session).
/// </summary>
internal sealed class WasmtimeValues
{
    private readonly Dictionary<long, HostRef> _hostRefs = [];

    public bool TryToBox(WasmValue v, Wt.ValueKind kind, out Wt.ValueBox box, out string? why)
    {
        why = null;
        box = default;
        switch (v.Kind)
        {
            case ValueKind.I32 when kind == Wt.ValueKind.Int32:
                box = (int)(uint)v.Lo;
                return true;
            case ValueKind.I64 when kind == Wt.ValueKind.Int64:
                box = (long)v.Lo;
                return true;
            case ValueKind.F32 when kind == Wt.ValueKind.Float32:
                box = BitConverter.UInt32BitsToSingle((uint)v.Lo);
                return true;
            case ValueKind.F64 when kind == Wt.ValueKind.Float64:
                box = BitConverter.UInt64BitsToDouble(v.Lo);
                return true;
            case ValueKind.V128 when kind == Wt.ValueKind.V128:
                Span<byte> bytes = stackalloc byte[16];
                BitConverter.TryWriteBytes(bytes, v.Lo);
                BitConverter.TryWriteBytes(bytes[8..], v.Hi);
                box = new Wt.V128(bytes);
                return true;
            case ValueKind.Ref when v.IsNull && kind == Wt.ValueKind.FuncRef:
                box = Wt.Function.Null;
                return true;
            case ValueKind.Ref when v.IsNull && kind == Wt.ValueKind.ExternRef:
                box = Wt.ValueBox.AsBox<object>(null);
                return true;
            case ValueKind.Ref when v.RefKind == RefKind.Extern && !v.IsNull && kind == Wt.ValueKind.ExternRef:
                if (!_hostRefs.TryGetValue(v.HostId, out var host))
                {
                    host = new HostRef(v.HostId);
                    _hostRefs[v.HostId] = host;
                }

                box = Wt.ValueBox.AsBox<object>(host);
                return true;
            case ValueKind.Ref:
                why = $"the Wasmtime .NET API cannot pass {v} as a {kind} parameter";
                return false;
            default:
                why = $"argument {v} does not fit a {kind} parameter";
                return false;
        }
    }

    public ActionResult FromResults(object? raw, IReadOnlyList<Wt.ValueKind> kinds)
    {
        if (kinds.Count == 0)
        {
            return ActionResult.Returned();
        }

        var values = new WasmValue[kinds.Count];
        if (kinds.Count == 1)
        {
            values[0] = FromObject(raw, kinds[0]);
        }
        else
        {
            var items = (object?[])raw!;
            for (var i = 0; i < kinds.Count; i++)
            {
                values[i] = FromObject(items[i], kinds[i]);
            }
        }

        return ActionResult.Returned(values);
    }

    private static WasmValue FromObject(object? o, Wt.ValueKind kind) => kind switch
    {
        Wt.ValueKind.Int32 => WasmValue.I32((int)o!),
        Wt.ValueKind.Int64 => WasmValue.I64((long)o!),
        Wt.ValueKind.Float32 => WasmValue.F32Bits(BitConverter.SingleToUInt32Bits((float)o!)),
        Wt.ValueKind.Float64 => WasmValue.F64Bits(BitConverter.DoubleToUInt64Bits((double)o!)),
        Wt.ValueKind.V128 => FromV128((Wt.V128)o!),
        Wt.ValueKind.FuncRef => o is Wt.Function { IsNull: false }
            ? new WasmValue(ValueKind.Ref, 0, 0, RefKind.Func)
            : WasmValue.Null(RefKind.Func),
        Wt.ValueKind.ExternRef => o switch
        {
            null => WasmValue.Null(RefKind.Extern),
            HostRef h => WasmValue.Extern(h.Id),
            _ => new WasmValue(ValueKind.Ref, 0, 0, RefKind.Extern, HostId: -2),
        },
        _ => throw new InvalidOperationException($"unexpected Wasmtime value kind {kind}"),
    };

    private static WasmValue FromV128(Wt.V128 v)
    {
        Span<byte> bytes = stackalloc byte[16];
        v.CopyTo(bytes);
        return WasmValue.V128(BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes[8..]));
    }

    /// <summary>The host object behind <c>ref.extern N</c>.</summary>
    private sealed record HostRef(long Id);
}
