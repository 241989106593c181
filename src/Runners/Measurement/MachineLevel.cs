using System.Text.Json;
using WasmBench.Abstractions.Results;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// This node's memory of its machine's speed: the machine-reference timing of every process it
/// measured lately (the last <see cref="MaxEntries"/> within <see cref="Memory"/>), optionally
/// kept in a file so that a short-lived runner (the CLI's own) starts with the history of the ones
/// before it. The level is the 10th percentile (<see cref="DisturbanceRule.LevelOf"/>); a process
/// whose reference exceeds it by more than <see cref="DisturbanceRule.Tolerance"/> was measured
/// while the machine was disturbed. Thread-safe.
/// </summary>
public sealed class MachineLevel(string? historyFile = null, TimeProvider? time = null)
{
    public const int MaxEntries = 400;

    /// <summary>How long a timing counts: long enough to span a working day's runs, short enough that a machine that changed is learned again.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(12);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private List<Entry>? _entries;

    /// <summary>The machine's level in nanoseconds, or null while fewer than <see cref="DisturbanceRule.MinimumProcesses"/> timings are known.</summary>
    public double? Level
    {
        get
        {
            lock (_lock)
            {
                return DisturbanceRule.LevelOf([.. Fresh().Select(e => e.Ns)]);
            }
        }
    }

    /// <summary>How many times the level <paramref name="referenceNs"/> is, or null when the level is not known yet.</summary>
    public double? Excess(double referenceNs) => Level is { } level ? referenceNs / level : null;

    /// <summary>Whether a process with this reference ran while the machine was disturbed (false while the level is unknown).</summary>
    public bool IsDisturbed(double referenceNs) => Level is { } level && DisturbanceRule.IsDisturbed(referenceNs, level);

    public void Add(double referenceNs)
    {
        lock (_lock)
        {
            var entries = Fresh();
            entries.Add(new Entry(_time.GetUtcNow(), referenceNs));
            if (entries.Count > MaxEntries)
            {
                entries.RemoveRange(0, entries.Count - MaxEntries);
            }

            Save(entries);
        }
    }

    private List<Entry> Fresh()
    {
        _entries ??= Load();
        var oldest = _time.GetUtcNow() - Memory;
        _entries.RemoveAll(e => e.At < oldest);
        return _entries;
    }

    private List<Entry> Load()
    {
        try
        {
            return historyFile is not null && File.Exists(historyFile)
                ? JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(historyFile)) ?? []
                : [];
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return []; // an unreadable history is only a lost memory: the level is learned again
        }
    }

    private void Save(List<Entry> entries)
    {
        if (historyFile is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(historyFile))!);
            var temp = $"{historyFile}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(entries));
            File.Move(temp, historyFile, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the level in memory still works for this runner.
        }
    }

    private sealed record Entry(DateTimeOffset At, double Ns);
}
