using Wasmtime;
using WasmBench.Abstractions;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// A Wasmtime variant's configuration, parsed from its flags string
/// (<c>opt=none|speed|speed_and_size</c>, comma-separated <c>key=value</c> pairs).
/// The empty string is Wasmtime's default (Cranelift, <c>opt=speed</c>).
/// </summary>
public sealed record WasmtimeOptions(OptimizationLevel OptLevel, string Flags)
{
    public static WasmtimeOptions Default { get; } = new(OptimizationLevel.Speed, "");

    /// <summary>Parses <paramref name="flags"/>; on failure a message naming the bad flag.</summary>
    public static Result<WasmtimeOptions> Parse(string? flags)
    {
        if (string.IsNullOrWhiteSpace(flags))
        {
            return Result<WasmtimeOptions>.Success(Default);
        }

        var opt = OptimizationLevel.Speed;
        var normalized = new List<string>();
        foreach (var pair in flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            var key = parts[0].ToLowerInvariant();
            var value = parts.Length == 2 ? parts[1].ToLowerInvariant() : "";
            if (key != "opt")
            {
                return Result<WasmtimeOptions>.Failure($"unknown wasmtime flag '{pair}' (known: opt=none|speed|speed_and_size)");
            }

            OptimizationLevel? level = value switch
            {
                "none" => OptimizationLevel.None,
                "speed" => OptimizationLevel.Speed,
                "speed_and_size" => OptimizationLevel.SpeedAndSize,
                _ => null,
            };
            if (level is null)
            {
                return Result<WasmtimeOptions>.Failure($"bad wasmtime flag '{pair}': opt is none, speed or speed_and_size");
            }

            opt = level.Value;
            normalized.Add($"opt={value}");
        }

        return Result<WasmtimeOptions>.Success(new WasmtimeOptions(opt, string.Join(',', normalized)));
    }

    /// <summary>
    /// A fresh configuration: Cranelift at this variant's optimisation level, epoch
    /// interruption on (the deadline), and no compilation cache (Wasmtime's cache is only
    /// used when a cache configuration is loaded, which we never do), so every
    /// <c>Module.FromBytes</c> really compiles. Because epoch interruption is on, every store
    /// of an engine built from this config must set an epoch deadline (and a ticker must
    /// advance the epoch, see <see cref="EpochTicker"/>), else guest code is interrupted at once.
    /// </summary>
    public Config CreateConfig() =>
        new Config()
            .WithCompilerStrategy(CompilerStrategy.Cranelift)
            .WithOptimizationLevel(OptLevel)
            .WithEpochInterruption(true);
}
