namespace WasmBench.Runners.Tests.Sandbox;

/// <summary>Processes of this machine whose command line holds a marker (what a hostile case leaves running).</summary>
internal static class Survivors
{
    /// <summary>The survivors still there after up to 2 s (a torn-down namespace takes a moment to reap).</summary>
    public static async Task<IReadOnlyList<int>> AfterAMomentAsync(string marker)
    {
        for (var i = 0; i < 20 && Find(marker).Count > 0; i++)
        {
            await Task.Delay(100);
        }

        return Find(marker);
    }

    public static IReadOnlyList<int> Find(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It ended while we looked.
            }
        }

        return found;
    }
}
