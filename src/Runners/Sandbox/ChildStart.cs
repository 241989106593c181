using System.Diagnostics;

namespace WasmBench.Runners.Sandbox;

/// <summary>
/// The start information of a sandboxed child, shared by <see cref="ChildProcess"/> (run to its end)
/// and <see cref="LineProtocolChild"/> (long-lived, spoken to in lines): the bubblewrap command of
/// <see cref="Bubblewrap"/> with its empty environment, or, when the operator opted out, prlimit
/// with the same environment. Callers check <see cref="ChildProcess.Unavailable"/> first.
/// </summary>
internal static class ChildStart
{
    public static ProcessStartInfo Info(ChildLaunch launch)
    {
        var sandboxed = !Bubblewrap.OptedOut;
        var onHost = !(sandboxed && launch.PrivateScratch);
        if (onHost)
        {
            Directory.CreateDirectory(launch.ScratchDirectory);
        }

        var environment = new Dictionary<string, string>(launch.Environment)
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = launch.ScratchDirectory,
            ["TMPDIR"] = launch.ScratchDirectory,
            ["LANG"] = "C.UTF-8",
            [Bubblewrap.InsideVariable] = "1",
        };
        if (!sandboxed)
        {
            // The operator's opt-out holds for the whole tree: a measuring child starts the workload's
            // own children (native, the JS hosts) unsandboxed too, rather than refusing where bwrap is missing.
            environment[Bubblewrap.OptOutVariable] = "1";
        }

        var (fileName, args) = sandboxed
            ? Bubblewrap.Command(launch, environment)
            : (Bubblewrap.Prlimit, [.. Bubblewrap.Rlimits(launch.Limits).Skip(1), launch.Program, .. launch.Args]);

        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = launch.WorkingDirectory ?? launch.WorkloadFolder ?? (onHost ? launch.ScratchDirectory : "/"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment.Clear();
        if (sandboxed)
        {
            info.Environment["PATH"] = "/usr/bin:/bin";
        }
        else
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }
}
