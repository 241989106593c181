namespace WasmBench.Silo.Grains;

/// <summary>
/// The seeded order of a run's tasks: each round is a Fisher-Yates shuffle driven by the seed
/// and the round number. The same seed always gives the same order, on every machine
/// (seeded <see cref="Random"/> is a stable algorithm).
/// </summary>
public sealed class TaskOrder(int seed)
{
    public IReadOnlyList<T> Round<T>(IReadOnlyList<T> items, int round)
    {
        var result = items.ToArray();
        var random = new Random(unchecked((seed * 1_000_003) + round) & int.MaxValue);
        for (var i = result.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (result[i], result[j]) = (result[j], result[i]);
        }

        return result;
    }
}
