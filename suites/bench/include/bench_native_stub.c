/* Empty timed-region markers for building workloads natively outside WasmBench
 * (suites/build.sh --check). The native engine links its own shim with these symbols. */
void bench_start(void);
void bench_end(void);

void bench_start(void) {}
void bench_end(void) {}
