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
    public async Task Every_thread_of_a_measuring_child_runs_on_the_CPU_it_was_given_at_high_priority()
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
                iterations = 30, warmup = 0, process = 0, timeoutSeconds = 60, maxMemoryPages = 16,
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
        var looks = new List<List<(string Allowed, int Nice)>>();
        while (!child.HasExited)
        {
            if (Threads(child.Id) is { Count: > 1 } now)
            {
                looks.Add(now);
            }

            await Task.Delay(20);
        }

        await child.WaitForExitAsync();
        Assert.True(child.ExitCode == 0, await stderr);
        using var measured = JsonDocument.Parse(await stdout);
        Assert.Equal(30, measured.RootElement[0].GetProperty("samples").EnumerateArray().Count(s => s.GetProperty("phase").GetString() == "execution"));

        // The child pins itself early; from the first look with every thread pinned on, every
        // thread of every later look — the engine's own threads included — is on that CPU too.
        var target = cpu.ToString(CultureInfo.InvariantCulture);
        var first = looks.FindIndex(l => l.All(t => t.Allowed == target));
        Assert.True(first >= 0, $"no look with every thread on CPU {target}: {string.Join(" | ", looks.Select(l => string.Join(",", l.Select(t => t.Allowed))))}");
        Assert.All(looks.Skip(first), l => Assert.All(l, t => Assert.Equal(target, t.Allowed)));
        Assert.Contains(looks, l => l.Count > 5 && l.All(t => t.Allowed == target));
        if (Privileges.MayRaisePriority())
        {
            // Raised right after pinning: the fullest look ends all-raised.
            Assert.Contains(looks, l => l.Count > 5 && l.All(t => t.Nice == MeasurementPriority.HighNice));
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

    public void Dispose() => _dir.Dispose();
}
