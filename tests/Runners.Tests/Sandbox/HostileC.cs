using System.Net;
using System.Net.Sockets;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Native;

namespace WasmBench.Runners.Tests.Sandbox;

/// <summary>One hostile C program and what its outcome must show.</summary>
internal sealed record HostileCase(string Source, Action<BenchmarkOutcome> Check);

/// <summary>The hostile C cases of docs/security.md, one per attack, keyed native/hostile/{case}.</summary>
internal static class HostileC
{
    /// <summary>In the command line of every process a case tries to leave running.</summary>
    public const string Marker = "4242.4242";

    private const string Head = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n";

    // A listener of the test process on loopback: a sandboxed program must not reach it.
    private static readonly TcpListener Listener = StartListener();

    public static IReadOnlyDictionary<string, HostileCase> All { get; } = new Dictionary<string, HostileCase>
    {
        ["native/hostile/read-etc-passwd"] = new(Head + Reads("/etc/passwd"), Blocked),
        ["native/hostile/read-dotdot-passwd"] = new(Head + Reads("../../../../../../../../etc/passwd"), Blocked),
        ["native/hostile/write-workload-folder"] = new(Head + """
            int main(void) { FILE* f = fopen("escape.txt", "w"); puts(f ? "wrote" : "blocked"); return 0; }
            """, Blocked),
        ["native/hostile/environment"] = new(Head + """
            extern char** environ;
            int main(void) { for (char** e = environ; *e; e++) puts(*e); return 0; }
            """, OnlySandboxVariables),
        ["native/hostile/double-fork"] = new(Head + $$"""
            int main(void) {
              if (fork() == 0) { if (fork() == 0) { setsid(); execl("/bin/sleep", "sleep", "{{Marker}}", (char*)0); } _exit(0); }
              sleep(1); puts("forked"); return 0; }
            """, o => Assert.True(o.Succeeded, o.Error)),
        ["native/hostile/network"] = new("#include <arpa/inet.h>\n#include <sys/socket.h>\n" + Head + $$"""
            int main(void) {
              int s = socket(AF_INET, SOCK_STREAM, 0); struct sockaddr_in a = {0};
              a.sin_family = AF_INET; a.sin_port = htons({{((IPEndPoint)Listener.LocalEndpoint).Port}}); a.sin_addr.s_addr = htonl(0x7f000001);
              puts(s >= 0 && connect(s, (struct sockaddr*)&a, sizeof a) == 0 ? "connected" : "blocked"); return 0; }
            """, Blocked),
        ["native/hostile/malloc-until-null"] = new(Head + """
            int main(void) {
              long mib = 0; char* p;
              while ((p = malloc(1 << 20)) != NULL && mib < 100000) { memset(p, 1, 1 << 20); mib++; }
              printf("stopped at %ld MiB\n", mib); return 0; }
            """, o =>
            {
                Assert.True(o.Succeeded, o.Error);
                var mib = long.Parse(o.Stdout.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(mib, 1, 256);
            }),
        ["native/hostile/file-size"] = new(Head + """
            int main(void) {
              char path[4096]; snprintf(path, sizeof path, "%s/big", getenv("TMPDIR"));
              FILE* f = fopen(path, "w"); static char block[65536];
              for (int i = 0; f && i < 64; i++) fwrite(block, 1, sizeof block, f);
              if (f) fclose(f); puts("wrote 4 MiB"); return 0; }
            """, o => Assert.Contains("signal 25", o.Error, StringComparison.Ordinal)),
        ["native/hostile/cpu-time"] = new(Head + """
            int main(void) { for (volatile unsigned long i = 0; ; i++) { } }
            """, o => Assert.Contains("signal", o.Error, StringComparison.Ordinal)),
        ["native/hostile/huge-output"] = new(Head + """
            int main(void) { static char line[1024]; memset(line, 'x', 1023); for (int i = 0; i < 3072; i++) puts(line); return 0; }
            """, o =>
            {
                Assert.True(o.Succeeded, o.Error);
                Assert.InRange(o.Stdout.Length, 1 << 20, (1 << 20) + 200);
                Assert.Contains("[output truncated", o.Stdout, StringComparison.Ordinal);
            }),
    };

    private static string Reads(string path) => $$"""
        int main(void) {
          FILE* f = fopen("{{path}}", "r"); char line[256];
          if (!f) { puts("blocked"); return 0; }
          while (fgets(line, sizeof line, f)) fputs(line, stdout); return 0; }
        """;

    private static void Blocked(BenchmarkOutcome o)
    {
        Assert.True(o.Succeeded, o.Error);
        Assert.Equal("blocked\n", o.Stdout);
    }

    private static void OnlySandboxVariables(BenchmarkOutcome o)
    {
        Assert.True(o.Succeeded, o.Error);
        var names = o.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["HOME", "LANG", "PATH", "PWD", "TMPDIR", "WASMBENCH_NATIVE_TIMING_FILE", "WASMBENCH_SANDBOXED"], names);
        Assert.DoesNotContain("/root", o.Stdout, StringComparison.Ordinal);
    }

    private static TcpListener StartListener()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }
}
