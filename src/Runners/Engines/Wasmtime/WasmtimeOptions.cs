using Wasmtime;
using WasmBench.Abstractions;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// A Wasmtime variant's configuration, parsed from its flags string: comma-separated
/// <c>winch</c> | <c>pulley</c> (the tier; default Cranelift) and <c>opt=none|speed|speed-and-size</c>
/// (Cranelift's level; <c>speed_and_size</c> is accepted too). The empty string is Wasmtime's
/// default (Cranelift, <c>opt=speed</c>). <see cref="Flags"/> is the normalised form, tier first.
/// </summary>
public sealed record WasmtimeOptions(OptimizationLevel OptLevel, string Flags, WasmtimeTier Tier = WasmtimeTier.Cranelift)
{
    public static WasmtimeOptions Default { get; } = new(OptimizationLevel.Speed, "");

    private const string Known = "known: winch, pulley, opt=none|speed|speed-and-size";

    /// <summary>Parses <paramref name="flags"/>; on failure a message naming the bad flag.</summary>
    public static Result<WasmtimeOptions> Parse(string? flags)
    {
        if (string.IsNullOrWhiteSpace(flags))
        {
            return Result<WasmtimeOptions>.Success(Default);
        }

        var tier = WasmtimeTier.Cranelift;
        string? opt = null;
        var level = OptimizationLevel.Speed;
        foreach (var pair in flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            var key = parts[0].ToLowerInvariant();
            var value = parts.Length == 2 ? parts[1].ToLowerInvariant().Replace('_', '-') : null;
            if (key is "winch" or "pulley" && value is null)
            {
                if (tier != WasmtimeTier.Cranelift)
                {
                    return Result<WasmtimeOptions>.Failure($"bad wasmtime flags '{flags}': one tier at most (winch or pulley)");
                }

                tier = key == "winch" ? WasmtimeTier.Winch : WasmtimeTier.Pulley;
                continue;
            }

            if (key != "opt")
            {
                return Result<WasmtimeOptions>.Failure($"unknown wasmtime flag '{pair}' ({Known})");
            }

            OptimizationLevel? parsed = value switch
            {
                "none" => OptimizationLevel.None,
                "speed" => OptimizationLevel.Speed,
                "speed-and-size" => OptimizationLevel.SpeedAndSize,
                _ => null,
            };
            if (parsed is null)
            {
                return Result<WasmtimeOptions>.Failure($"bad wasmtime flag '{pair}': opt is none, speed or speed-and-size");
            }

            (level, opt) = (parsed.Value, value);
        }

        if (tier == WasmtimeTier.Winch && opt is not null)
        {
            return Result<WasmtimeOptions>.Failure($"bad wasmtime flags '{flags}': Winch is a single-pass compiler with no opt levels");
        }

        string[] normalized = [.. Tier(tier), .. opt is null ? Array.Empty<string>() : [$"opt={opt}"]];
        return Result<WasmtimeOptions>.Success(new WasmtimeOptions(level, string.Join(',', normalized), tier));

        static string[] Tier(WasmtimeTier t) => t == WasmtimeTier.Cranelift ? [] : [t.ToString().ToLowerInvariant()];
    }

    /// <summary>
    /// A fresh configuration: this variant's tier (Cranelift at its optimisation level, Winch, or
    /// Pulley), epoch interruption on (the deadline), and no compilation cache (Wasmtime's cache is
    /// only used when a cache configuration is loaded, which we never do), so every
    /// <c>Module.FromBytes</c> really compiles. Because epoch interruption is on, every store
    /// of an engine built from this config must set an epoch deadline (and a ticker must
    /// advance the epoch, see <see cref="EpochTicker"/>), else guest code is interrupted at once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The native library refused the tier (see <see cref="WasmtimeEngine.Availability"/>).</exception>
    public Config CreateConfig()
    {
        var config = new Config()
            .WithOptimizationLevel(OptLevel)
            .WithEpochInterruption(true);
        if (Tier != WasmtimeTier.Winch)
        {
            config.WithCompilerStrategy(CompilerStrategy.Cranelift);
        }

        if (WasmtimeNativeConfig.Apply(config, Tier) is { } error)
        {
            config.Dispose();
            throw new InvalidOperationException($"wasmtime:{Flags}: {error}");
        }

        return config;
    }

    /// <summary>
    /// Whether the 3.0 feature set may be enabled on this tier. Winch aborts the whole process on
    /// a config with GC or function references, so it runs the 2.0 feature set only.
    /// </summary>
    public bool SupportsWasm3Features => Tier != WasmtimeTier.Winch;
}
