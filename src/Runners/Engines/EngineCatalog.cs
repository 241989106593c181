using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines;

/// <summary>The engines this node knows, available or not, looked up by name.</summary>
public sealed class EngineCatalog(IEnumerable<IEngine> engines)
{
    private readonly IReadOnlyList<IEngine> _engines = [.. engines];

    public IReadOnlyList<IEngine> All => _engines;

    public IEnumerable<IEngine> Available => _engines.Where(e => e.Availability.IsAvailable);

    public IEnumerable<IBenchmarkEngine> BenchmarkEngines => Available.OfType<IBenchmarkEngine>();

    public IEnumerable<IConformanceEngine> ConformanceEngines => Available.OfType<IConformanceEngine>();

    /// <summary>Finds an engine by its id (<c>name</c> or <c>name:flags</c>), ignoring case.</summary>
    public IEngine? Find(string id) =>
        _engines.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));
}
