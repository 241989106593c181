using System.Diagnostics;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// The host side of the <c>bench.start</c> / <c>bench.end</c> imports: the execution phase is
/// the sum of the start..end intervals (one pair in the usual case). A start left open when
/// <c>_start</c> returns is closed at that moment; a module that never calls the markers is
/// timed over its whole <c>_start</c>.
/// </summary>
internal sealed class BenchMarkers
{
    private long _openedAt = -1;
    private long _totalTicks;
    private bool _used;

    public void Reset()
    {
        _openedAt = -1;
        _totalTicks = 0;
        _used = false;
    }

    public void Start()
    {
        _used = true;
        if (_openedAt < 0)
        {
            _openedAt = Stopwatch.GetTimestamp();
        }
    }

    public void End()
    {
        var now = Stopwatch.GetTimestamp();
        if (_openedAt >= 0)
        {
            _totalTicks += now - _openedAt;
            _openedAt = -1;
        }
    }

    /// <summary>The execution phase in stopwatch ticks, given when <c>_start</c> was called and returned.</summary>
    public long ExecutionTicks(long callStart, long callEnd)
    {
        if (!_used)
        {
            return callEnd - callStart;
        }

        return _openedAt >= 0 ? _totalTicks + (callEnd - _openedAt) : _totalTicks;
    }
}
