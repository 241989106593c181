namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// Advances a Wasmtime engine's epoch on a timer, so that compiled code checks its deadline
/// at loop headers and function entries (cheap, unlike fuel). Disposing waits for a tick in
/// flight, so the engine may be disposed right after.
/// </summary>
internal sealed class EpochTicker : IDisposable
{
    private readonly Timer _timer;

    public EpochTicker(global::Wasmtime.Engine engine, TimeSpan period)
    {
        _timer = new Timer(_ => engine.IncrementEpoch(), null, period, period);
    }

    public void Dispose()
    {
        using var stopped = new ManualResetEvent(false);
        if (_timer.Dispose(stopped))
        {
            stopped.WaitOne();
        }
    }
}
