/* bytecode-vm: a small stack-machine interpreter whose every instruction is dispatched
 * through a table of function pointers (wasm call_indirect) — indirect calls, short
 * handlers, an operand stack in memory. Runs two programs: an LCG mixing loop and
 * Collatz step counting (data-dependent branches). */
#include "../include/bench.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, AND, XOR, SHR, JMP, JZ, JNZ, HALT, OP_COUNT };

typedef struct {
    uint64_t stack[64];
    uint64_t slots[8];
    uint32_t sp;
    const uint32_t *code;
    uint64_t executed;
} vm;

typedef uint32_t (*handler)(vm *m, uint32_t pc);

static uint32_t op_push(vm *m, uint32_t pc) { m->stack[m->sp++] = m->code[pc + 1]; return pc + 2; }
static uint32_t op_load(vm *m, uint32_t pc) { m->stack[m->sp++] = m->slots[m->code[pc + 1]]; return pc + 2; }
static uint32_t op_store(vm *m, uint32_t pc) { m->slots[m->code[pc + 1]] = m->stack[--m->sp]; return pc + 2; }
static uint32_t op_add(vm *m, uint32_t pc) { m->sp--; m->stack[m->sp - 1] += m->stack[m->sp]; return pc + 1; }
static uint32_t op_sub(vm *m, uint32_t pc) { m->sp--; m->stack[m->sp - 1] -= m->stack[m->sp]; return pc + 1; }
static uint32_t op_mul(vm *m, uint32_t pc) { m->sp--; m->stack[m->sp - 1] *= m->stack[m->sp]; return pc + 1; }
static uint32_t op_and(vm *m, uint32_t pc) { m->sp--; m->stack[m->sp - 1] &= m->stack[m->sp]; return pc + 1; }
static uint32_t op_xor(vm *m, uint32_t pc) { m->sp--; m->stack[m->sp - 1] ^= m->stack[m->sp]; return pc + 1; }
static uint32_t op_shr(vm *m, uint32_t pc) { m->sp--; m->stack[m->sp - 1] >>= m->stack[m->sp] & 63; return pc + 1; }
static uint32_t op_jmp(vm *m, uint32_t pc) { return m->code[pc + 1]; }
static uint32_t op_jz(vm *m, uint32_t pc) { return m->stack[--m->sp] == 0 ? m->code[pc + 1] : pc + 2; }
static uint32_t op_jnz(vm *m, uint32_t pc) { return m->stack[--m->sp] != 0 ? m->code[pc + 1] : pc + 2; }
static uint32_t op_halt(vm *m, uint32_t pc) { (void)m; return pc; }

static handler const handlers[OP_COUNT] = {
    op_push, op_load, op_store, op_add, op_sub, op_mul, op_and, op_xor, op_shr,
    op_jmp, op_jz, op_jnz, op_halt,
};

static void run(vm *m, const uint32_t *code)
{
    uint32_t pc = 0;
    m->code = code;
    m->sp = 0;
    for (;;) {
        uint32_t op = code[pc];
        if (op == HALT)
            break;
        pc = handlers[op](m, pc);
        m->executed++;
    }
}

typedef struct {
    uint32_t code[128];
    uint32_t n;
} program;

static void e1(program *p, uint32_t op) { p->code[p->n++] = op; }

/* Emits op + operand; returns the operand's index (for patching forward jumps). */
static uint32_t e2(program *p, uint32_t op, uint32_t arg)
{
    p->code[p->n++] = op;
    p->code[p->n++] = arg;
    return p->n - 1;
}

/* slots: 0 = acc, 1 = i (counts down to 0), 2 = sum of acc >> 40 */
static void build_lcg(program *p)
{
    uint32_t top = p->n;
    e2(p, LOAD, 1);
    uint32_t to_end = e2(p, JZ, 0);
    e2(p, LOAD, 0); e2(p, PUSH, 1103515245); e1(p, MUL); e2(p, LOAD, 1); e1(p, ADD);
    e2(p, PUSH, 12345); e1(p, XOR); e2(p, STORE, 0);
    e2(p, LOAD, 0); e2(p, PUSH, 40); e1(p, SHR); e2(p, LOAD, 2); e1(p, ADD); e2(p, STORE, 2);
    e2(p, LOAD, 1); e2(p, PUSH, 1); e1(p, SUB); e2(p, STORE, 1); e2(p, JMP, top);
    p->code[to_end] = p->n;
    e1(p, HALT);
}

/* slots: 0 = n (counts down to 0), 1 = x, 2 = total Collatz steps */
static void build_collatz(program *p)
{
    uint32_t top = p->n;
    e2(p, LOAD, 0);
    uint32_t to_end = e2(p, JZ, 0);
    e2(p, LOAD, 0); e2(p, STORE, 1);
    uint32_t inner = p->n;
    e2(p, LOAD, 1); e2(p, PUSH, 1); e1(p, SUB);
    uint32_t to_next = e2(p, JZ, 0);
    e2(p, LOAD, 1); e2(p, PUSH, 1); e1(p, AND);
    uint32_t to_odd = e2(p, JNZ, 0);
    e2(p, LOAD, 1); e2(p, PUSH, 1); e1(p, SHR); e2(p, STORE, 1);
    uint32_t to_count = e2(p, JMP, 0);
    p->code[to_odd] = p->n;
    e2(p, LOAD, 1); e2(p, PUSH, 3); e1(p, MUL); e2(p, PUSH, 1); e1(p, ADD); e2(p, STORE, 1);
    p->code[to_count] = p->n;
    e2(p, LOAD, 2); e2(p, PUSH, 1); e1(p, ADD); e2(p, STORE, 2); e2(p, JMP, inner);
    p->code[to_next] = p->n;
    e2(p, LOAD, 0); e2(p, PUSH, 1); e1(p, SUB); e2(p, STORE, 0); e2(p, JMP, top);
    p->code[to_end] = p->n;
    e1(p, HALT);
}

int main(int argc, char **argv)
{
    static const uint32_t lcg_iters[] = { 20000, 1000000, 4000000 };
    static const uint32_t collatz_n[] = { 2000, 100000, 400000 };
    enum bench_size size = bench_parse_size(argc, argv);
    program lcg = { { 0 }, 0 }, collatz = { { 0 }, 0 };
    build_lcg(&lcg);
    build_collatz(&collatz);
    vm a = { { 0 }, { 0 }, 0, 0, 0 }, b = { { 0 }, { 0 }, 0, 0, 0 };
    a.slots[0] = 1;
    a.slots[1] = lcg_iters[size];
    b.slots[0] = collatz_n[size];

    bench_start();
    run(&a, lcg.code);
    run(&b, collatz.code);
    bench_end();

    /* The same computations in plain C, to verify the VM. */
    uint64_t acc = 1, high = 0;
    for (uint64_t i = lcg_iters[size]; i != 0; i--) {
        acc = (acc * 1103515245u + i) ^ 12345u;
        high += acc >> 40;
    }
    uint64_t steps = 0;
    for (uint64_t n = collatz_n[size]; n != 0; n--)
        for (uint64_t x = n; x != 1; steps++)
            x = x & 1 ? 3 * x + 1 : x >> 1;

    printf("lcg: %u iterations, acc %016llx, high sum %llu\n", lcg_iters[size],
           (unsigned long long)a.slots[0], (unsigned long long)a.slots[2]);
    printf("collatz: n <= %u, total steps %llu\n", collatz_n[size], (unsigned long long)b.slots[2]);
    printf("instructions executed: %llu\n", (unsigned long long)(a.executed + b.executed));
    int ok = a.slots[0] == acc && a.slots[2] == high && b.slots[2] == steps;
    printf("matches plain C: %s\n", ok ? "yes" : "NO");
    return ok ? 0 : 1;
}
