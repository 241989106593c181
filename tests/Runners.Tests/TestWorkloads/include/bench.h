/* The bench markers of the workload protocol: wasm imports from module "bench",
   plain externs natively (the native engine's shim defines them). */
#ifndef BENCH_H
#define BENCH_H
#ifdef __wasm__
__attribute__((import_module("bench"), import_name("start"))) void bench_start(void);
__attribute__((import_module("bench"), import_name("end"))) void bench_end(void);
#else
void bench_start(void);
void bench_end(void);
#endif
#endif
