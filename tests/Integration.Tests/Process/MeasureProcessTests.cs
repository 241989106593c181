using System.Globalization;
using System.Text.Json;
using WasmBench.Runners.Measurement;

namespace WasmBench.Integration.Tests.Process;

/// <summary>
/// The measuring child as the runner starts it (`wasmbench measure --request FILE --cpu N`),
/// watched from outside through /proc while it works: every thread on CPU N, and at high
/// priority where the process may raise it.
/// </summary>
public sealed class MeasureProcessTests : IDisposable
{
    // About 10^8 additions: long enough per iteration to watch the child while it measures.
    private const string Loop = """
        (module (func (export "_start") (local i32)
          (loop (local.set 0 (i32.add (local.get 0) (i32.const 1))) (br_if 0 (i32.ne (local.get 0) (i32.const 100000000))))))
        """;

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task EveryThreadOfAMeasuringChildRunsOnTheCpuItWasGivenAtHighPriority()
    {
        var cpu = CpuAffinity.Current()[^1];
        var module = _dir.File("loop.wasm");
        File.WriteAllBytes(module, Wasmtime.Module.ConvertText(Loop));
        var request = _dir.File("request.json");
        File.WriteAllText(request, JsonSerializer.Serialize(new[]
        {
            new
            {
                engine = "wasmtime",
                workload = new { name = "loop", directory = _dir.Path, modulePath = module, args = Array.Empty<string>() },
                iterations = 12, warmup = 0, process = 0, timeoutSeconds = 60, maxMemoryPages = 16,
            },
        }));
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { WasmbenchProcess.Dll, "measure", "--request", request, "--cpu", cpu.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        using var child = System.Diagnostics.Process.Start(info)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        List<(string Allowed, int Nice)>? seen = null;
        while (!child.HasExited)
        {
            // The fullest look while it measures (most threads: the engine's own have started);
            // it pins and raises itself before the engine starts any.
            if (Threads(child.Id) is { } now && (seen is null || now.Count >= seen.Count))
            {
                seen = now;
            }

            await Task.Delay(50);
        }

        await child.WaitForExitAsync();
        Assert.True(child.ExitCode == 0, await stderr);
        using var measured = JsonDocument.Parse(await stdout);
        Assert.Equal(12, measured.RootElement[0].GetProperty("samples").EnumerateArray().Count(s => s.GetProperty("phase").GetString() == "execution"));
        Assert.NotNull(seen);
        Assert.True(seen.Count > 5, $"{seen.Count} threads");
        Assert.All(seen, t => Assert.Equal(cpu.ToString(CultureInfo.InvariantCulture), t.Allowed));
        if (MayRaisePriority())
        {
            Assert.All(seen, t => Assert.Equal(MeasurementPriority.HighNice, t.Nice));
        }
    }

    /// <summary>Each thread's allowed CPUs and nice value, or null when the process ended while looking.</summary>
    private static List<(string Allowed, int Nice)>? Threads(int pid)
    {
        try
        {
            var result = new List<(string, int)>();
            foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
            {
                var allowed = File.ReadAllLines(Path.Combine(task, "status")).Single(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)).Split(':')[1].Trim();
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var nice = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
                result.Add((allowed, nice));
            }

            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            return null; // the process or a thread ended while we read
        }
    }

    /// <summary>Whether this user may lower nice values: root with CAP_SYS_NICE (bit 23 of CapEff).</summary>
    private static bool MayRaisePriority()
    {
        var capEff = File.ReadAllLines("/proc/self/status").Single(l => l.StartsWith("CapEff:", StringComparison.Ordinal)).Split(':')[1].Trim();
        return (ulong.Parse(capEff, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << 23)) != 0;
    }

    public void Dispose() => _dir.Dispose();
}
