using System.Collections.Concurrent;
using WasmBench.Dashboard.Data;
using WasmBench.Runners.Spec;

namespace WasmBench.Silo.Hosting;

/// <summary>The known-failure lists shipped with the runners (suites/spec/known-failures), for the conformance drill-down.</summary>
public sealed class ShippedKnownFailures : IKnownFailureReader
{
    private readonly ConcurrentDictionary<string, KnownFailures> _lists = new(StringComparer.Ordinal);

    public string? Reason(string suite, string engine, string file, int line)
    {
        var list = _lists.GetOrAdd(engine, e => KnownFailures.Load(e).Value ?? new KnownFailures([]));
        var name = Path.GetFileNameWithoutExtension(suite);
        return list.Entries.FirstOrDefault(k => k.Suite == name && k.File == file && k.Line == line)?.Reason;
    }
}
