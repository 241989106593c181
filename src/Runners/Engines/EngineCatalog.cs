using System.Collections.Concurrent;
using WasmBench.Abstractions;
using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines;

/// <summary>
/// An engine family whose variants are made from their flags on demand (<c>wasmtime:opt=none</c>):
/// <paramref name="Create"/> makes the variant, or says why the flags are not one.
/// </summary>
public sealed record EngineFamily(string Name, Func<string, Result<IEngine>> Create);

/// <summary>
/// The engines this node knows, available or not, looked up by id: the listed ones, and any variant
/// of a family that makes its variants (<see cref="EngineFamily"/>), made once and kept. Built once
/// per process by the composition root (<c>AddWasmBenchEngines</c>), so the planner, the runner and
/// the measuring child resolve an id alike.
/// </summary>
public sealed class EngineCatalog(IEnumerable<IEngine> engines, IEnumerable<EngineFamily>? families = null)
{
    private readonly IReadOnlyList<IEngine> _engines = [.. engines];
    private readonly IReadOnlyList<EngineFamily> _families = [.. families ?? []];
    private readonly ConcurrentDictionary<string, Result<IEngine>> _variants = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The listed engines, available or not.</summary>
    public IReadOnlyList<IEngine> All => _engines;

    public IEnumerable<IEngine> Available => _engines.Where(e => e.Availability.IsAvailable);

    public IEnumerable<IBenchmarkEngine> BenchmarkEngines => Available.OfType<IBenchmarkEngine>();

    public IEnumerable<IConformanceEngine> ConformanceEngines => Available.OfType<IConformanceEngine>();

    /// <summary>The families that make their variants on demand.</summary>
    public IReadOnlyList<EngineFamily> Families => _families;

    /// <summary>The families whose variants this node can run as <typeparamref name="T"/>: those whose default engine is listed and available.</summary>
    public IEnumerable<string> VariantFamilies<T>()
        where T : IEngine =>
        _families.Select(f => f.Name).Where(name => Available.OfType<T>().Any(e => e.Info.Identity.Family == name && e.Info.Identity.Variant.Length == 0));

    /// <summary>Finds an engine by its id (<c>name</c> or <c>name:flags</c>), ignoring case; null when there is none.</summary>
    public IEngine? Find(string id) => Resolve(id).Value;

    /// <summary>The engine with this id, a listed one or a family's variant; or why there is none (an unknown family, flags the family does not take).</summary>
    public Result<IEngine> Resolve(string id)
    {
        if (_engines.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase)) is { } listed)
        {
            return Result<IEngine>.Success(listed);
        }

        var colon = id.IndexOf(':', StringComparison.Ordinal);
        var family = colon < 0 ? null : _families.FirstOrDefault(f => string.Equals(f.Name, id[..colon], StringComparison.OrdinalIgnoreCase));
        if (family is null)
        {
            return Result<IEngine>.Failure($"unknown engine '{id}'");
        }

        // The same variant under two spellings (opt=NONE, opt=none) is one engine: kept under the id it normalises to.
        var made = _variants.GetOrAdd(id, _ => family.Create(id[(colon + 1)..]));
        return made.Succeeded && _engines.FirstOrDefault(e => string.Equals(e.Info.Id, made.Value.Info.Id, StringComparison.OrdinalIgnoreCase)) is { } same
            ? Result<IEngine>.Success(same)
            : made;
    }
}
