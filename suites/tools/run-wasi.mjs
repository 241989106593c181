// Runs a WASI preview1 command module under Node with a minimal WASI host written here,
// for `suites/build.sh --check`. It implements only the calls wasi-libc programs of this
// suite import (args, fd_read/fd_write/fd_seek/fd_close/fd_fdstat_*, the preopen of the
// module's folder as ".", read-only path_open, proc_exit) and the bench.start / bench.end
// markers (timed region reported on stderr when WASMBENCH_TIMING=1).
//
// Why not node:wasi: in Node 20 it keeps using the memory's old backing store after
// memory.grow, so programs that grow memory (most of these) crash with SIGSEGV or lose
// output. Here every call reads `memory.buffer` afresh. (wabt's wasm-interp in Debian is
// built without WASI.)
//
// usage: node run-wasi.mjs <module.wasm> <folder preopened as "."> [args...]
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';

const [, , file, dir, ...args] = process.argv;
if (!file || !dir) {
  process.stderr.write('usage: run-wasi.mjs <module.wasm> <dir> [args...]\n');
  process.exit(64);
}

const E = { SUCCESS: 0, ACCES: 2, BADF: 8, INVAL: 28, NOENT: 44, NOTCAPABLE: 76, SPIPE: 70 };
const PREOPEN_FD = 3;
const argv = ['benchmark', ...args].map((a) => Buffer.from(`${a}\0`));
const files = new Map(); // wasi fd -> { fd: host fd, pos: bigint }
let nextFd = PREOPEN_FD + 1;
let memory;
let start = 0n;
let end = 0n;

class Exit {
  constructor(code) { this.code = code; }
}

const view = () => new DataView(memory.buffer);
const bytes = (ptr, len) => new Uint8Array(memory.buffer, ptr, len);

function iovecs(iovs, count) {
  const v = view();
  const list = [];
  for (let i = 0; i < count; i++) {
    list.push(bytes(v.getUint32(iovs + 8 * i, true), v.getUint32(iovs + 8 * i + 4, true)));
  }
  return list;
}

const wasi = {
  args_sizes_get(argcPtr, sizePtr) {
    view().setUint32(argcPtr, argv.length, true);
    view().setUint32(sizePtr, argv.reduce((n, a) => n + a.length, 0), true);
    return E.SUCCESS;
  },
  args_get(argvPtr, bufPtr) {
    for (const [i, a] of argv.entries()) {
      view().setUint32(argvPtr + 4 * i, bufPtr, true);
      bytes(bufPtr, a.length).set(a);
      bufPtr += a.length;
    }
    return E.SUCCESS;
  },
  fd_write(fd, iovs, count, nwrittenPtr) {
    if (fd !== 1 && fd !== 2) return E.BADF;
    let n = 0;
    for (const chunk of iovecs(iovs, count)) n += writeSync(fd, chunk);
    view().setUint32(nwrittenPtr, n, true);
    return E.SUCCESS;
  },
  fd_read(fd, iovs, count, nreadPtr) {
    const f = files.get(fd);
    if (!f) return fd === 0 ? (view().setUint32(nreadPtr, 0, true), E.SUCCESS) : E.BADF;
    let n = 0;
    for (const chunk of iovecs(iovs, count)) {
      const got = readSync(f.fd, chunk, 0, chunk.length, Number(f.pos));
      f.pos += BigInt(got);
      n += got;
      if (got < chunk.length) break;
    }
    view().setUint32(nreadPtr, n, true);
    return E.SUCCESS;
  },
  fd_seek(fd, offset, whence, newPtr) {
    const f = files.get(fd);
    if (!f) return fd <= 2 ? E.SPIPE : E.BADF;
    const base = [0n, f.pos, BigInt(fstatSync(f.fd).size)][whence];
    if (base === undefined || base + offset < 0n) return E.INVAL;
    f.pos = base + offset;
    view().setBigUint64(newPtr, f.pos, true);
    return E.SUCCESS;
  },
  fd_close(fd) {
    const f = files.get(fd);
    if (f) { closeSync(f.fd); files.delete(fd); return E.SUCCESS; }
    return fd <= PREOPEN_FD ? E.SUCCESS : E.BADF;
  },
  fd_fdstat_get(fd, statPtr) {
    // filetype: 2 character device (stdio), 3 directory (preopen), 4 regular file
    const type = fd <= 2 ? 2 : fd === PREOPEN_FD ? 3 : files.has(fd) ? 4 : -1;
    if (type < 0) return E.BADF;
    const v = view();
    v.setUint8(statPtr, type);
    v.setUint16(statPtr + 2, 0, true);
    v.setBigUint64(statPtr + 8, 0xFFFFFFFFFFFFFFFFn, true); // all rights: not a tty
    v.setBigUint64(statPtr + 16, 0xFFFFFFFFFFFFFFFFn, true);
    return E.SUCCESS;
  },
  fd_fdstat_set_flags: () => E.SUCCESS,
  fd_prestat_get(fd, bufPtr) {
    if (fd !== PREOPEN_FD) return E.BADF;
    view().setUint8(bufPtr, 0);
    view().setUint32(bufPtr + 4, 1, true);
    return E.SUCCESS;
  },
  fd_prestat_dir_name(fd, pathPtr, len) {
    if (fd !== PREOPEN_FD) return E.BADF;
    if (len >= 1) bytes(pathPtr, 1)[0] = 0x2e; // "."
    return E.SUCCESS;
  },
  path_open(dirFd, _dirFlags, pathPtr, pathLen, oflags, rights, _inheriting, _fdFlags, fdPtr) {
    if (dirFd !== PREOPEN_FD) return E.BADF;
    const path = Buffer.from(bytes(pathPtr, pathLen)).toString();
    const rel = normalize(path);
    if (isAbsolute(rel) || rel.startsWith('..')) return E.NOTCAPABLE;
    // read-only host: no create / truncate / write rights (fd_write = bit 6)
    if (oflags & (1 | 8) || rights & (1n << 6n)) return E.ACCES;
    let fd;
    try {
      fd = openSync(join(dir, rel), 'r');
    } catch {
      return E.NOENT;
    }
    files.set(nextFd, { fd, pos: 0n });
    view().setUint32(fdPtr, nextFd++, true);
    return E.SUCCESS;
  },
  proc_exit(code) {
    throw new Exit(code);
  },
};

const bench = {
  start: () => { start = process.hrtime.bigint(); },
  end: () => { end = process.hrtime.bigint(); },
};

const module = await WebAssembly.compile(readFileSync(file));
const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi, bench });
memory = instance.exports.memory;
let code = 0;
try {
  instance.exports._start();
} catch (e) {
  if (!(e instanceof Exit)) {
    process.stderr.write(`trap: ${e.message}\n`);
    process.exit(134);
  }
  code = e.code;
}
if (process.env.WASMBENCH_TIMING === '1' && end > start) {
  process.stderr.write(`timed region: ${(Number(end - start) / 1e6).toFixed(3)} ms\n`);
}
process.exit(code);
