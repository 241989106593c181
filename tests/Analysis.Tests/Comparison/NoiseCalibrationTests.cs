using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Analysis.Tests.Comparison;

public sealed class NoiseCalibrationTests
{
    [Fact]
    public void Calibration_suggests_a_threshold_above_the_noise_of_every_workload()
    {
        var runs = Enumerable.Range(0, 3).Select(i => Run(i, "calibrate",
            Task("quiet", "wasmtime", 1e6, 10 + i, noise: 0.002),
            Task("noisy", "wasmtime", 1e6, 20 + i, noise: 0.05, processNoise: 0.03))).ToList();
        var aa = runs.Zip(runs.Skip(1), (a, b) => RunComparer.Compare(Side(a, "a"), Side(b, "b"), new ComparisonOptions("0%", [Phase.Execution])).Value!).ToList();

        var (rows, suggested) = NoiseCalibration.Measure(aa);

        var noisy = rows.Single(r => r.Workload == "noisy");
        var quiet = rows.Single(r => r.Workload == "quiet");
        Assert.True(noisy.Noise > quiet.Noise);
        Assert.True(suggested >= noisy.Noise * 100 && suggested < (noisy.Noise * 100) + 1, $"suggested {suggested}% for noise {noisy.Noise:P2}");
        Assert.Contains($"suggested threshold: {suggested}%", NoiseCalibration.Render(rows, suggested, aa.Count, Phase.Execution));
    }
}
