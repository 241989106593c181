using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Runtime;

/// <summary>A structure or array of the GC heap: its canonical type and its slots (a v128 takes two).</summary>
internal sealed class GcObject(CanonicalType type, ulong[] slots, int length)
{
    public CanonicalType Type { get; } = type;

    public ulong[] Slots { get; } = slots;

    /// <summary>An array's element count (a structure: 0).</summary>
    public int Length { get; } = length;

    public bool Marked;

    /// <summary>What the object counts for in the memory limit.</summary>
    public long Bytes => GcHeap.ObjectBytes(Slots.Length);
}

/// <summary>
/// The references of the <c>any</c> hierarchy in an 8-byte slot: 0 is null; bit 63 marks an
/// <c>i31</c> (its 31 bits below); bit 62 a heap object (its handle below); anything else is a
/// host reference (an <c>externref</c> value, host id + 1, brought in by <c>any.convert_extern</c>).
/// So <c>extern.convert_any</c> and <c>any.convert_extern</c> keep the bits, and <c>ref.eq</c>
/// compares them.
/// </summary>
internal static class GcRef
{
    public const ulong I31Tag = 1UL << 63, ObjectTag = 1UL << 62;

    public static ulong I31(uint v) => I31Tag | (v & 0x7FFF_FFFF);

    public static bool IsI31(ulong v) => (v & I31Tag) != 0;

    public static bool IsObject(ulong v) => (v & (I31Tag | ObjectTag)) == ObjectTag;
}

/// <summary>
/// The GC heap of a store: a handle table of <see cref="GcObject"/>s (a reference is
/// <see cref="GcRef.ObjectTag"/> | handle) and a mark-and-sweep collector over it. Roots are
/// the globals, tables and passive element segments of the store's instances, the payloads of
/// exceptions held by reference, and — conservatively — every slot of the value stack in use (a
/// number that looks like a live handle keeps its object). Freed handles are reused. Every object
/// counts toward the store's memory limit with its size; a collection runs when the bytes
/// allocated since the last one exceed the live bytes then (at least <see cref="MinCollectBytes"/>),
/// so a loop that drops what it allocates stays bounded, and one that keeps everything reaches
/// the limit and traps.
/// </summary>
internal sealed class GcHeap
{
    private const long MinCollectBytes = 4L << 20;
    private const long HeaderBytes = 32;

    private GcObject?[] _objects = new GcObject?[64];
    private int _used;
    private readonly Stack<int> _free = new();
    private long _sinceCollect;

    /// <summary>Bytes of every object not yet collected.</summary>
    public long LiveBytes { get; private set; }

    /// <summary>Collections so far (tests read it).</summary>
    public int Collections { get; private set; }

    /// <summary>While positive, no collection runs (constant expressions hold values the roots do not see).</summary>
    public int NoCollect;

    public static long ObjectBytes(long slots) => HeaderBytes + (8 * slots);

    /// <summary>Whether an allocation of <paramref name="bytes"/> should collect first.</summary>
    public bool WantsCollect(long bytes) => NoCollect == 0 && _sinceCollect + bytes > Math.Max(MinCollectBytes, LiveBytes);

    public ulong Add(GcObject o)
    {
        int h;
        if (_free.Count > 0)
        {
            h = _free.Pop();
        }
        else
        {
            if (_used == _objects.Length)
            {
                Array.Resize(ref _objects, _objects.Length * 2);
            }

            h = _used++;
        }

        _objects[h] = o;
        LiveBytes += o.Bytes;
        _sinceCollect += o.Bytes;
        return GcRef.ObjectTag | (uint)h;
    }

    public GcObject Get(ulong v) => _objects[(int)(uint)v]!;

    /// <summary>The object a slot value names, or null when it is not a live handle (conservative roots).</summary>
    private GcObject? Lookup(ulong v) =>
        GcRef.IsObject(v) && (v >> 32) == (GcRef.ObjectTag >> 32) && (uint)v < (uint)_used ? _objects[(uint)v] : null;

    /// <summary>Marks from the roots <paramref name="roots"/> gives (each slot value once), then frees every unmarked object.</summary>
    public void Collect(Action<Action<ulong>> roots)
    {
        var work = new Stack<GcObject>();
        void Mark(ulong v)
        {
            if (Lookup(v) is { Marked: false } o)
            {
                o.Marked = true;
                work.Push(o);
            }
        }

        roots(Mark);
        while (work.TryPop(out var o))
        {
            foreach (var slot in o.Type.RefSlots)
            {
                if (o.Type.Kind == CompositeKind.Array)
                {
                    for (var i = slot; i < o.Slots.Length; i += o.Type.Slots)
                    {
                        Mark(o.Slots[i]);
                    }
                }
                else
                {
                    Mark(o.Slots[slot]);
                }
            }
        }

        long live = 0;
        for (var h = 0; h < _used; h++)
        {
            if (_objects[h] is not { } o)
            {
                continue;
            }

            if (o.Marked)
            {
                o.Marked = false;
                live += o.Bytes;
            }
            else
            {
                _objects[h] = null;
                _free.Push(h);
            }
        }

        LiveBytes = live;
        _sinceCollect = 0;
        Collections++;
    }
}
