namespace WasmBench.Integration.Tests.Hostile;

/// <summary>The hostile cases, one per item of issue 18 (docs/security.md lists them).</summary>
public static class HostileCases
{
    /// <summary>A value only this test process's environment holds: a sandboxed workload must never see it.</summary>
    public static readonly string Secret = $"hostile-secret-{Guid.NewGuid():N}";

    /// <summary>The variable that holds <see cref="Secret"/> (set once, before any child starts).</summary>
    public const string SecretVariable = "WASMBENCH_HOSTILE_SECRET";

    /// <summary>The file name a write case tries to make outside its scratch folder.</summary>
    public static readonly string Escape = $"wasmbench-hostile-escape-{Guid.NewGuid():N}";

    private const string Head = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n";
    private const string Unix = "#include <unistd.h>\n#include <signal.h>\n";

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        Both("read_passwd_absolute", HostileEnd.RefusedOrBlocked, Reads("/etc/passwd"), "blocked\n"),
        Both("read_passwd_dotdot", HostileEnd.RefusedOrBlocked, Reads("../../../../../../../../../../etc/passwd"), "blocked\n"),
        // The folder holds link -> /etc and flink -> /etc/passwd (HostileWorkloads makes them).
        Both("read_through_symlink", HostileEnd.RefusedOrBlocked, Head + """
            static int dump(const char* p) { FILE* f = fopen(p, "r"); char l[256]; if (!f) return 0; while (fgets(l, sizeof l, f)) fputs(l, stdout); return 1; }
            int main(void) { int read = dump("link/passwd") + dump("flink"); if (!read) puts("blocked"); return 0; }
            """, "blocked\n"),
        Both("write_outside", HostileEnd.Either, Head + $$"""
            int main(void) {
              const char* p[] = { "/tmp/{{Escape}}", "../{{Escape}}", "{{Escape}}" }; int wrote = 0;
              for (int i = 0; i < 3; i++) { FILE* f = fopen(p[i], "w"); if (f) { fputs("escaped", f); fclose(f); wrote++; } }
              printf("wrote %d\n", wrote); return 0; }
            """),
        Both("environment", HostileEnd.RefusedOrBlocked, Head + $$"""
            extern char** environ;
            int main(void) {
              int leaked = 0; const char* token = getenv("WASMBENCH_API_TOKEN");
              if (token) { printf("token %s\n", token); leaked = 1; }
              for (char** e = environ; e && *e; e++) if (strstr(*e, "{{Secret[..20]}}")) { puts(*e); leaked = 1; }
              if (!leaked) puts("clean"); return 0; }
            """, "clean\n"),
        new("expensive_loop", HostileEnd.Error,
            Wat: """
                (module (memory (export "memory") 1024)
                  (func (export "_start") (loop $l (memory.copy (i32.const 0) (i32.const 33554432) (i32.const 33554432)) (br $l))))
                """,
            NativeC: Head + "int main(void) { for (volatile unsigned long i = 0; ; i++) { } }"),
        new("grow_loop", HostileEnd.Either, Wat: """
            (module (memory (export "memory") 1)
              (func (export "_start") (loop $l (br_if $l (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))))
            """),
        Both("malloc_until_null", HostileEnd.Either, Head + """
            int main(void) {
              long mib = 0; char* p;
              while (mib < 100000 && (p = malloc(1 << 20)) != NULL) { memset(p, 1, 1 << 20); mib++; }
              printf("stopped at %ld MiB\n", mib); return 0; }
            """),
        new("huge_fill", HostileEnd.Error, Wat: """
            (module (memory (export "memory") 4096)
              (func (export "_start") (loop $l (memory.fill (i32.const 0) (i32.const 7) (i32.const 268435456)) (br $l))))
            """),
        new("deep_recursion", HostileEnd.Error,
            Wat: """
                (module (memory (export "memory") 1)
                  (func $down (param i64) (result i64) (i64.add (call $down (i64.add (local.get 0) (i64.const 1))) (i64.const 1)))
                  (func (export "_start") (drop (call $down (i64.const 0)))))
                """,
            NativeC: Head + """
                static long down(long n) { volatile char frame[512]; frame[0] = (char)n; return down(n + 1) + frame[0]; }
                int main(int argc, char** argv) { (void)argv; return (int)down(argc); }
                """),
        Both("stdout_200mb", HostileEnd.Error, Head + """
            int main(void) { static char block[1 << 20]; memset(block, 'x', sizeof block); for (int i = 0; i < 200; i++) fwrite(block, 1, sizeof block, stdout); puts(""); return 0; }
            """, "done\n"),
        new("fork_bomb", HostileEnd.Error, NativeC: Head + Unix + """
            int main(void) { for (int i = 0; i < 500; i++) { pid_t p = fork(); if (p == 0) { for (;;) pause(); } if (p < 0) break; } for (;;) pause(); }
            """),
        new("double_fork", HostileEnd.Either, NativeC: Head + Unix + """
            int main(void) {
              if (fork() == 0) { if (fork() == 0) { setsid(); for (;;) pause(); } _exit(0); }
              sleep(1); puts("forked"); return 0; }
            """, Expected: "forked\n"),
        // 15,259 pages: within the default memory limit, so every engine loads and instantiates it
        // (pulley and wasm2c, still loading after 35 s under load, are stopped by the runner).
        new("data_segment_1gb", HostileEnd.Either, Slow: true, Module: path => WasmBytes.WriteWithDataSegment(path, 1_000_000_000),
            MaxMemoryPages: 16384, LoadMayOutlastTheChild: true),
    ];

    private static HostileCase Both(string name, HostileEnd end, string c, string? expected = null) => new(name, end, WasmC: c, NativeC: c, Expected: expected);

    private static string Reads(string path) => Head + $$"""
        int main(void) {
          FILE* f = fopen("{{path}}", "r"); char line[256];
          if (!f) { puts("blocked"); return 0; }
          while (fgets(line, sizeof line, f)) fputs(line, stdout); return 0; }
        """;
}
