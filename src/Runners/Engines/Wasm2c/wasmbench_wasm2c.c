/* WasmBench's runtime for modules compiled by WABT's wasm2c (module name "module"): main(), a
 * minimal WASI preview1 (args, no environment, clocks, random, stdout/stderr, read-only files under
 * the one preopened directory "." = the working directory), the bench markers, and the timing
 * report. Build: gcc -O2 -I<build> -I/usr/share/wabt/wasm2c -DWASMBENCH_INSTANTIATE_ARGS=...
 * module.c wasm-rt-impl.c wasmbench_wasm2c.c -lm.
 *
 * Usage: <executable> <guest argv[0]> [guest args...].
 * Environment: WASMBENCH_TIMING_FILE gets one line at the end: "ok|exit CODE|trap MESSAGE
 * <instantiation ns> <execution ns>"; WASMBENCH_MAX_PAGES caps the memory (pages of 64 KiB). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "module.h"
#include "wasm-rt-impl.h"

struct Z_wasi_snapshot_preview1_instance_t { int unused; };
struct Z_bench_instance_t { int unused; };

enum { E_SUCCESS = 0, E_BADF = 8, E_INVAL = 28, E_IO = 29, E_NOENT = 44, E_SPIPE = 70, E_NOTCAPABLE = 76 };
enum { MAX_FDS = 64, PREOPEN_FD = 3 };

static wasm_rt_memory_t* g_memory;
static int g_argc;
static char** g_argv;
static int g_fds[MAX_FDS]; /* guest fd -> host fd, -1 when closed */
static long long g_instantiate_ns, g_start_ns, g_marker_open = -1, g_marker_total;
static int g_markers_used;

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void report(const char* status) {
  long long end = now_ns();
  if (g_marker_open >= 0) { g_marker_total += end - g_marker_open; g_marker_open = -1; }
  long long execute = g_markers_used ? g_marker_total : end - g_start_ns;
  const char* path = getenv("WASMBENCH_TIMING_FILE");
  FILE* f = path ? fopen(path, "w") : NULL;
  if (f) { fprintf(f, "%s\t%lld\t%lld\n", status, g_instantiate_ns, execute); fclose(f); }
}

/* Guest memory access, bounds-checked: a bad pointer is a trap, as in a real WASI host. */
static u8* mem(u32 ptr, u32 len) {
  if ((u64)ptr + len > g_memory->size) wasm_rt_trap(WASM_RT_TRAP_OOB);
  return g_memory->data + ptr;
}
static void put_u32(u32 ptr, u32 v) { memcpy(mem(ptr, 4), &v, 4); }
static void put_u64(u32 ptr, u64 v) { memcpy(mem(ptr, 8), &v, 8); }
static u32 get_u32(u32 ptr) { u32 v; memcpy(&v, mem(ptr, 4), 4); return v; }
static int host_fd(u32 fd) { return fd < MAX_FDS ? g_fds[fd] : -1; }

void Z_benchZ_start(struct Z_bench_instance_t* b) { (void)b; g_markers_used = 1; g_marker_open = now_ns(); }
void Z_benchZ_end(struct Z_bench_instance_t* b) {
  (void)b;
  if (g_marker_open >= 0) { g_marker_total += now_ns() - g_marker_open; g_marker_open = -1; }
}

#define WASI(name) Z_wasi_snapshot_preview1Z_##name
typedef struct Z_wasi_snapshot_preview1_instance_t wasi_t;

u32 WASI(args_sizes_get)(wasi_t* w, u32 count, u32 size) {
  (void)w;
  u32 total = 0;
  for (int i = 0; i < g_argc; i++) total += (u32)strlen(g_argv[i]) + 1;
  put_u32(count, (u32)g_argc);
  put_u32(size, total);
  return E_SUCCESS;
}

u32 WASI(args_get)(wasi_t* w, u32 argv, u32 buf) {
  (void)w;
  for (int i = 0; i < g_argc; i++) {
    u32 len = (u32)strlen(g_argv[i]) + 1;
    put_u32(argv + 4 * (u32)i, buf);
    memcpy(mem(buf, len), g_argv[i], len);
    buf += len;
  }
  return E_SUCCESS;
}

u32 WASI(environ_sizes_get)(wasi_t* w, u32 count, u32 size) { (void)w; put_u32(count, 0); put_u32(size, 0); return E_SUCCESS; }
u32 WASI(environ_get)(wasi_t* w, u32 environ, u32 buf) { (void)w; (void)environ; (void)buf; return E_SUCCESS; }

u32 WASI(clock_time_get)(wasi_t* w, u32 id, u64 precision, u32 out) {
  (void)w; (void)precision;
  struct timespec t;
  clock_gettime(id == 0 ? CLOCK_REALTIME : CLOCK_MONOTONIC, &t);
  put_u64(out, (u64)t.tv_sec * 1000000000ULL + (u64)t.tv_nsec);
  return E_SUCCESS;
}

u32 WASI(clock_res_get)(wasi_t* w, u32 id, u32 out) { (void)w; (void)id; put_u64(out, 1); return E_SUCCESS; }

u32 WASI(random_get)(wasi_t* w, u32 buf, u32 len) {
  (void)w;
  u8* p = mem(buf, len);
  for (u32 done = 0; done < len;) {
    ssize_t n = getrandom(p + done, len - done, 0);
    if (n <= 0) return E_IO;
    done += (u32)n;
  }
  return E_SUCCESS;
}

u32 WASI(sched_yield)(wasi_t* w) { (void)w; return E_SUCCESS; }

static u32 iov_io(u32 fd, u32 iovs, u32 count, u32 out, int writing) {
  int h = host_fd(fd);
  if (h < 0 || (writing && fd != 1 && fd != 2) || (!writing && fd <= 2 && fd != 0)) return E_BADF;
  u32 total = 0;
  for (u32 i = 0; i < count; i++) {
    u32 ptr = get_u32(iovs + 8 * i), len = get_u32(iovs + 8 * i + 4);
    u8* p = mem(ptr, len);
    ssize_t n = writing ? write(h, p, len) : read(h, p, len);
    if (n < 0) return E_IO;
    total += (u32)n;
    if ((u32)n < len) break;
  }
  put_u32(out, total);
  return E_SUCCESS;
}

u32 WASI(fd_write)(wasi_t* w, u32 fd, u32 iovs, u32 count, u32 out) { (void)w; return iov_io(fd, iovs, count, out, 1); }
u32 WASI(fd_read)(wasi_t* w, u32 fd, u32 iovs, u32 count, u32 out) { (void)w; return iov_io(fd, iovs, count, out, 0); }

u32 WASI(fd_close)(wasi_t* w, u32 fd) {
  (void)w;
  if (fd <= PREOPEN_FD) return E_SUCCESS;
  int h = host_fd(fd);
  if (h < 0) return E_BADF;
  close(h);
  g_fds[fd] = -1;
  return E_SUCCESS;
}

u32 WASI(fd_seek)(wasi_t* w, u32 fd, u64 offset, u32 whence, u32 out) {
  (void)w;
  int h = host_fd(fd);
  if (fd <= 2) return E_SPIPE;
  if (h < 0 || fd == PREOPEN_FD) return E_BADF;
  off_t at = lseek(h, (off_t)(s64)offset, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END);
  if (at < 0) return E_INVAL;
  put_u64(out, (u64)at);
  return E_SUCCESS;
}

u32 WASI(fd_fdstat_get)(wasi_t* w, u32 fd, u32 out) {
  (void)w;
  if (host_fd(fd) < 0 && fd != PREOPEN_FD) return E_BADF;
  u8* p = mem(out, 24);
  memset(p, 0, 24);
  p[0] = fd <= 2 ? 2 : fd == PREOPEN_FD ? 3 : 4; /* character device, directory, regular file */
  put_u64(out + 8, ~0ULL);
  put_u64(out + 16, ~0ULL);
  return E_SUCCESS;
}

u32 WASI(fd_fdstat_set_flags)(wasi_t* w, u32 fd, u32 flags) { (void)w; (void)fd; (void)flags; return E_SUCCESS; }

u32 WASI(fd_prestat_get)(wasi_t* w, u32 fd, u32 out) {
  (void)w;
  if (fd != PREOPEN_FD) return E_BADF;
  memset(mem(out, 8), 0, 8);
  put_u32(out + 4, 1);
  return E_SUCCESS;
}

u32 WASI(fd_prestat_dir_name)(wasi_t* w, u32 fd, u32 path, u32 len) {
  (void)w;
  if (fd != PREOPEN_FD) return E_BADF;
  if (len >= 1) *mem(path, 1) = '.';
  return E_SUCCESS;
}

static void filestat(u32 out, const struct stat* st) {
  memset(mem(out, 64), 0, 64);
  *mem(out + 16, 1) = S_ISDIR(st->st_mode) ? 3 : 4;
  put_u64(out + 24, 1);
  put_u64(out + 32, (u64)st->st_size);
}

u32 WASI(fd_filestat_get)(wasi_t* w, u32 fd, u32 out) {
  (void)w;
  struct stat st;
  int h = host_fd(fd);
  if (h < 0 || fd <= 2 || fstat(h, &st) != 0) return E_BADF;
  filestat(out, &st);
  return E_SUCCESS;
}

/* A guest path under the preopened ".", as a host path relative to the working directory; no
 * absolute paths and no ".." at all (so nothing outside the folder can be named). */
static int guest_path(u32 dirfd, u32 ptr, u32 len, char* out, size_t size) {
  if (dirfd != PREOPEN_FD) return E_BADF;
  if (len == 0 || len >= size) return E_INVAL;
  memcpy(out, mem(ptr, len), len);
  out[len] = 0;
  if (out[0] == '/' || strstr(out, "..") != NULL || memchr(out, 0, len) != NULL) return E_NOTCAPABLE;
  return E_SUCCESS;
}

u32 WASI(path_filestat_get)(wasi_t* w, u32 dirfd, u32 flags, u32 ptr, u32 len, u32 out) {
  (void)w; (void)flags;
  char path[4096];
  struct stat st;
  u32 e = (u32)guest_path(dirfd, ptr, len, path, sizeof path);
  if (e != E_SUCCESS) return e;
  if (stat(path, &st) != 0) return E_NOENT;
  filestat(out, &st);
  return E_SUCCESS;
}

u32 WASI(path_open)(wasi_t* w, u32 dirfd, u32 dirflags, u32 ptr, u32 len, u32 oflags, u64 rights, u64 inheriting, u32 fdflags, u32 out) {
  (void)w; (void)dirflags; (void)rights; (void)inheriting; (void)fdflags;
  char path[4096];
  u32 e = (u32)guest_path(dirfd, ptr, len, path, sizeof path);
  if (e != E_SUCCESS) return e;
  if (oflags != 0) return E_NOTCAPABLE; /* read-only files only */
  int guest = 4;
  while (guest < MAX_FDS && g_fds[guest] >= 0) guest++;
  if (guest == MAX_FDS) return E_BADF;
  int h = open(path, O_RDONLY | O_CLOEXEC);
  if (h < 0) return errno == ENOENT ? E_NOENT : E_NOTCAPABLE;
  g_fds[guest] = h;
  put_u32(out, (u32)guest);
  return E_SUCCESS;
}

void WASI(proc_exit)(wasi_t* w, u32 code) {
  (void)w;
  char status[32];
  snprintf(status, sizeof status, code == 0 ? "ok" : "exit %u", code);
  fflush(stdout);
  report(status);
  exit((int)code);
}

int main(int argc, char** argv) {
  static Z_module_instance_t instance;
  static struct Z_bench_instance_t bench;
  static struct Z_wasi_snapshot_preview1_instance_t wasi;
  (void)bench; (void)wasi;
  for (int i = 0; i < MAX_FDS; i++) g_fds[i] = i <= 2 ? i : -1;
  if (argc < 2) {
    fprintf(stderr, "usage: %s <argv0 of the guest> [args...]\n", argv[0]);
    return 2;
  }
  g_argc = argc - 1; /* the guest's argv starts at our argv[1]: its own name, then its arguments */
  g_argv = argv + 1;
  const char* limit = getenv("WASMBENCH_MAX_PAGES");
  wasm_rt_init();
  Z_module_init_module();
  long long t0 = now_ns();
  wasm_rt_trap_t trap = wasm_rt_impl_try();
  if (trap != WASM_RT_TRAP_NONE) {
    char status[256];
    snprintf(status, sizeof status, "trap %s", wasm_rt_strerror(trap));
    report(status);
    fprintf(stderr, "%s\n", status);
    return 134;
  }
  Z_module_instantiate(&instance WASMBENCH_INSTANTIATE_ARGS);
  g_memory = Z_moduleZ_memory(&instance);
  if (limit != NULL) {
    u64 pages = strtoull(limit, NULL, 10);
    if (g_memory->pages > pages) {
      fprintf(stderr, "instantiation failed: the memory minimum of %u pages exceeds the limit of %llu pages\n", g_memory->pages, (unsigned long long)pages);
      report("instantiation-failed");
      return 135;
    }
    if (g_memory->max_pages > pages) g_memory->max_pages = pages;
  }
  g_instantiate_ns = now_ns() - t0;
  g_start_ns = now_ns();
  Z_moduleZ__start(&instance);
  fflush(stdout);
  report("ok");
  Z_module_free(&instance);
  wasm_rt_free();
  return 0;
}
