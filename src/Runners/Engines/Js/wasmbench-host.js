// WasmBench's JS host: drives WebAssembly in node, bun or the SpiderMonkey shell (js102) over JSON
// lines on stdin/stdout. Each request is one object with "op"; each answer one line with "ok".
// It carries its own small WASI preview1 layer (the SpiderMonkey shell has none): the workload
// folder is the only preopened directory, and files are read-only.
"use strict";

const platform = (() => {
  if (typeof process !== "undefined" && typeof require === "function") {
    const fs = require("fs");
    const chunk = Buffer.alloc(1 << 16);
    let pending = "";
    return {
      name: typeof Bun !== "undefined" ? "bun" : "node",
      version: typeof Bun !== "undefined"
        ? `${Bun.version} (JavaScriptCore ${process.versions.webkit || "unknown"})`
        : `${process.versions.node} (V8 ${process.versions.v8})`,
      readLine() {
        for (;;) {
          const newline = pending.indexOf("\n");
          if (newline >= 0) {
            const line = pending.slice(0, newline);
            pending = pending.slice(newline + 1);
            return line;
          }
          let n;
          try {
            n = fs.readSync(0, chunk, 0, chunk.length, null);
          } catch (e) {
            if (e.code === "EAGAIN") continue;
            if (e.code === "EOF") n = 0; else throw e;
          }
          if (n === 0) {
            const rest = pending;
            pending = "";
            return rest.length > 0 ? rest : null;
          }
          pending += chunk.toString("utf8", 0, n);
        }
      },
      writeLine(text) { fs.writeSync(1, text + "\n"); },
      readFile(path) { return new Uint8Array(fs.readFileSync(path)); },
      nowNs() { return Number(process.hrtime.bigint()); },
    };
  }
  // The SpiderMonkey shell: readline(), print(), os.file.readFile; version from its --version.
  return {
    name: "spidermonkey",
    version: "unknown",
    readLine() { const line = readline(); return line === null || line === undefined ? null : line; },
    writeLine(text) { print(text); },
    readFile(path) { return os.file.readFile(path, "binary"); },
    nowNs() { return Math.round(performance.now() * 1e6); },
  };
})();

// ---- UTF-8 (the shell has no TextEncoder) ----
function utf8Encode(text) {
  const out = [];
  for (const ch of text) {
    let c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

function utf8Decode(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    let c, n;
    if (b < 0x80) { c = b; n = 1; }
    else if (b >= 0xf0) { c = ((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63); n = 4; }
    else if (b >= 0xe0) { c = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63); n = 3; }
    else if (b >= 0xc0) { c = ((b & 31) << 6) | (bytes[i + 1] & 63); n = 2; }
    else { c = 0xfffd; n = 1; }
    text += String.fromCodePoint(c);
    i += n;
  }
  return text;
}

function concat(chunks) {
  const total = chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

// ---- WASI preview1 ----
const Errno = { SUCCESS: 0, BADF: 8, INVAL: 28, NOENT: 44, NOSYS: 52, NOTSUP: 58, SPIPE: 70, NOTCAPABLE: 76 };

class ProcExit {
  constructor(code) { this.code = code; }
}

class Wasi {
  constructor(args, dir) {
    this.args = args.map(utf8Encode);
    this.dir = dir;
    this.stdout = [];
    this.stderr = [];
    this.files = new Map(); // fd -> { data, position }
    this.nextFd = 4;
    this.memory = null;
    const self = this;
    this.imports = {
      args_sizes_get(countPtr, sizePtr) {
        const v = self.view();
        v.setUint32(countPtr, self.args.length, true);
        v.setUint32(sizePtr, self.args.reduce((s, a) => s + a.length + 1, 0), true);
        return Errno.SUCCESS;
      },
      args_get(argvPtr, bufPtr) {
        const v = self.view();
        const bytes = self.bytes();
        for (const arg of self.args) {
          v.setUint32(argvPtr, bufPtr, true);
          argvPtr += 4;
          bytes.set(arg, bufPtr);
          bytes[bufPtr + arg.length] = 0;
          bufPtr += arg.length + 1;
        }
        return Errno.SUCCESS;
      },
      environ_sizes_get(countPtr, sizePtr) {
        const v = self.view();
        v.setUint32(countPtr, 0, true);
        v.setUint32(sizePtr, 0, true);
        return Errno.SUCCESS;
      },
      environ_get() { return Errno.SUCCESS; },
      clock_res_get(id, ptr) { self.view().setBigUint64(ptr, 1000n, true); return Errno.SUCCESS; },
      clock_time_get(id, precision, ptr) {
        self.view().setBigUint64(ptr, BigInt(id === 0 ? Date.now() * 1e6 : platform.nowNs()), true);
        return Errno.SUCCESS;
      },
      random_get(ptr, length) {
        const bytes = self.bytes();
        for (let i = 0; i < length; i++) bytes[ptr + i] = (Math.random() * 256) | 0;
        return Errno.SUCCESS;
      },
      sched_yield() { return Errno.SUCCESS; },
      fd_write(fd, iovs, count, writtenPtr) {
        if (fd !== 1 && fd !== 2) return Errno.BADF;
        const v = self.view();
        const bytes = self.bytes();
        let written = 0;
        for (let i = 0; i < count; i++) {
          const ptr = v.getUint32(iovs + i * 8, true);
          const len = v.getUint32(iovs + i * 8 + 4, true);
          (fd === 1 ? self.stdout : self.stderr).push(bytes.slice(ptr, ptr + len));
          written += len;
        }
        v.setUint32(writtenPtr, written, true);
        return Errno.SUCCESS;
      },
      fd_read(fd, iovs, count, readPtr) {
        const v = self.view();
        if (fd === 0) { v.setUint32(readPtr, 0, true); return Errno.SUCCESS; }
        const file = self.files.get(fd);
        if (!file) return Errno.BADF;
        const bytes = self.bytes();
        let read = 0;
        for (let i = 0; i < count; i++) {
          const ptr = v.getUint32(iovs + i * 8, true);
          const len = v.getUint32(iovs + i * 8 + 4, true);
          const part = file.data.subarray(file.position, Math.min(file.data.length, file.position + len));
          bytes.set(part, ptr);
          file.position += part.length;
          read += part.length;
          if (part.length < len) break;
        }
        v.setUint32(readPtr, read, true);
        return Errno.SUCCESS;
      },
      fd_close(fd) { return self.files.delete(fd) || fd <= 3 ? Errno.SUCCESS : Errno.BADF; },
      fd_seek(fd, offset, whence, resultPtr) {
        const file = self.files.get(fd);
        if (!file) return fd <= 2 ? Errno.SPIPE : Errno.BADF;
        const base = whence === 0 ? 0 : whence === 1 ? file.position : whence === 2 ? file.data.length : -1;
        const target = base + Number(offset);
        if (base < 0 || target < 0) return Errno.INVAL;
        file.position = target;
        self.view().setBigUint64(resultPtr, BigInt(target), true);
        return Errno.SUCCESS;
      },
      fd_fdstat_get(fd, ptr) {
        const type = fd <= 2 ? 2 : fd === 3 ? 3 : self.files.has(fd) ? 4 : -1;
        if (type < 0) return Errno.BADF;
        const v = self.view();
        v.setUint8(ptr, type);
        v.setUint16(ptr + 2, 0, true);
        v.setBigUint64(ptr + 8, 0xffffffffffffffffn, true);
        v.setBigUint64(ptr + 16, 0xffffffffffffffffn, true);
        return Errno.SUCCESS;
      },
      fd_fdstat_set_flags() { return Errno.SUCCESS; },
      fd_prestat_get(fd, ptr) {
        if (fd !== 3) return Errno.BADF;
        const v = self.view();
        v.setUint8(ptr, 0);
        v.setUint32(ptr + 4, 1, true);
        return Errno.SUCCESS;
      },
      fd_prestat_dir_name(fd, ptr, len) {
        if (fd !== 3) return Errno.BADF;
        if (len >= 1) self.bytes()[ptr] = 0x2e; // "."
        return Errno.SUCCESS;
      },
      fd_filestat_get(fd, ptr) {
        const file = self.files.get(fd);
        if (!file) return Errno.BADF;
        self.writeFilestat(ptr, file.data.length);
        return Errno.SUCCESS;
      },
      path_filestat_get(dirFd, flags, pathPtr, pathLen, ptr) {
        const data = self.open(dirFd, pathPtr, pathLen);
        if (typeof data === "number") return data;
        self.writeFilestat(ptr, data.length);
        return Errno.SUCCESS;
      },
      path_open(dirFd, dirFlags, pathPtr, pathLen, oflags, rightsBase, rightsInheriting, fdFlags, fdPtr) {
        if (oflags !== 0) return Errno.NOTCAPABLE; // create, directory, exclusive, truncate: read-only files only
        const data = self.open(dirFd, pathPtr, pathLen);
        if (typeof data === "number") return data;
        const fd = self.nextFd++;
        self.files.set(fd, { data, position: 0 });
        self.view().setUint32(fdPtr, fd, true);
        return Errno.SUCCESS;
      },
      proc_exit(code) { throw new ProcExit(code); },
    };
  }

  view() { return new DataView(this.memory.buffer); }

  bytes() { return new Uint8Array(this.memory.buffer); }

  writeFilestat(ptr, size) {
    const v = this.view();
    for (let i = 0; i < 64; i += 8) v.setBigUint64(ptr + i, 0n, true);
    v.setUint8(ptr + 16, 4);
    v.setBigUint64(ptr + 24, 1n, true);
    v.setBigUint64(ptr + 32, BigInt(size), true);
  }

  // A file under the preopened folder, its bytes, or an errno. No absolute paths, no way out with "..".
  open(dirFd, pathPtr, pathLen) {
    if (dirFd !== 3) return Errno.BADF;
    const path = utf8Decode(this.bytes().slice(pathPtr, pathPtr + pathLen));
    if (path.startsWith("/")) return Errno.NOTCAPABLE;
    const parts = [];
    for (const part of path.split("/")) {
      if (part === "" || part === ".") continue;
      if (part === "..") { if (parts.length === 0) return Errno.NOTCAPABLE; parts.pop(); continue; }
      parts.push(part);
    }
    try {
      return platform.readFile(parts.length === 0 ? this.dir : this.dir + "/" + parts.join("/"));
    } catch (e) {
      return Errno.NOENT;
    }
  }
}

// ---- The memory limit: the module's own memory gets a maximum of at most maxPages ----
function readU32(bytes, at) {
  let value = 0, shift = 0, b;
  do { b = bytes[at++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return [value, at];
}

function writeU32(value) {
  const out = [];
  do { let b = value % 128; value = Math.floor(value / 128); if (value > 0) b |= 0x80; out.push(b); } while (value > 0);
  return out;
}

// Returns the bytes with every defined 32-bit memory's maximum lowered to maxPages, or an error
// string when a memory's minimum is already above it.
function limitMemory(bytes, maxPages) {
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, bodyAt] = readU32(bytes, at + 1);
    const end = bodyAt + size;
    if (id !== 5) { parts.push(bytes.subarray(at, end)); at = end; continue; }
    let [count, p] = readU32(bytes, bodyAt);
    const body = writeU32(count);
    for (let i = 0; i < count; i++) {
      const flags = bytes[p++];
      let min, max = null;
      [min, p] = readU32(bytes, p);
      if (flags & 1) [max, p] = readU32(bytes, p);
      if (flags & 4) return null; // memory64: left alone
      if (min > maxPages) return `the memory minimum of ${min} pages exceeds the limit of ${maxPages} pages`;
      body.push(flags | 1, ...writeU32(min), ...writeU32(max === null ? maxPages : Math.min(max, maxPages)));
    }
    parts.push(new Uint8Array([5, ...writeU32(body.length), ...body]));
    at = end;
  }
  return concat(parts);
}

// ---- Benchmark iterations ----
const moduleBytes = new Map();

function describe(e) {
  if (e instanceof WebAssembly.RuntimeError) return `trap: ${e.message}`;
  if (e instanceof RangeError || (e && /too much recursion/.test(String(e.message)))) return `trap: call stack exhausted (${e.name}: ${e.message})`;
  return `${e && e.name ? e.name : "error"}: ${e && e.message ? e.message : String(e)}`;
}

function benchIteration(request) {
  let bytes = moduleBytes.get(request.wasm);
  if (!bytes) {
    bytes = platform.readFile(request.wasm);
    const limited = request.maxMemoryPages ? limitMemory(bytes, request.maxMemoryPages) : bytes;
    if (typeof limited === "string") return { ok: false, error: `instantiation failed: ${limited}` };
    bytes = limited || bytes;
    moduleBytes.set(request.wasm, bytes);
  }
  const wasi = new Wasi([request.stem, ...request.args], request.dir);
  const markers = { open: null, total: 0, used: false };
  const output = () => ({ stdout: utf8Decode(concat(wasi.stdout)), stderr: utf8Decode(concat(wasi.stderr)) });
  const imports = {
    wasi_snapshot_preview1: wasi.imports,
    bench: {
      start() { markers.used = true; markers.open = platform.nowNs(); },
      end() { if (markers.open !== null) { markers.total += platform.nowNs() - markers.open; markers.open = null; } },
    },
  };
  const t0 = platform.nowNs();
  let module;
  try { module = new WebAssembly.Module(bytes); } catch (e) { return { ok: false, error: `compilation failed: ${describe(e)}` }; }
  const t1 = platform.nowNs();
  let instance;
  try { instance = new WebAssembly.Instance(module, imports); } catch (e) { return { ok: false, error: `instantiation failed: ${describe(e)}`, ...output() }; }
  const t2 = platform.nowNs();
  wasi.memory = instance.exports.memory;
  let exitCode = 0;
  platform.writeLine(JSON.stringify({ executing: true })); // the parent's execution deadline starts here
  const t3 = platform.nowNs();
  try {
    instance.exports._start();
  } catch (e) {
    if (e instanceof ProcExit) exitCode = e.code;
    else return { ok: false, error: describe(e), ...output() };
  }
  const t4 = platform.nowNs();
  if (markers.open !== null) markers.total += t4 - markers.open;
  if (exitCode !== 0) return { ok: false, error: `the program exited with code ${exitCode}`, ...output() };
  return { ok: true, compileNs: t1 - t0, instantiateNs: t2 - t1, executeNs: markers.used ? markers.total : t4 - t3, ...output() };
}

// ---- Conformance: spec scripts, one host per script ----
// The parent sends module bytes (base64), instantiates them against registered instances, and
// invokes exports through wrapper modules it generates: a wrapper imports the export, reads the
// numeric arguments from its own memory, calls it and stores the results back, so v128 values,
// NaN payloads and i64s never cross into JavaScript; only references are JS values.
const spec = { modules: [], instances: [], registry: Object.create(null), externs: new Map(), wrappers: new Map() };

const base64Digits = (() => {
  const table = new Int16Array(128).fill(-1);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return { table, alphabet };
})();

function fromBase64(text) {
  let length = text.length;
  while (length > 0 && text[length - 1] === "=") length--;
  const out = new Uint8Array(Math.floor(length * 3 / 4));
  let bits = 0, value = 0, at = 0;
  for (let i = 0; i < length; i++) {
    value = (value << 6) | base64Digits.table[text.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) { bits -= 8; out[at++] = (value >> bits) & 0xff; }
  }
  return out;
}

function toBase64(bytes) {
  const a = base64Digits.alphabet;
  let text = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
    text += a[(n >> 18) & 63] + a[(n >> 12) & 63] + (i + 1 < bytes.length ? a[(n >> 6) & 63] : "=") + (i + 2 < bytes.length ? a[n & 63] : "=");
  }
  return text;
}

// The error's class as the parent grades it; the message is kept beside it.
function errorKind(e) {
  if (e instanceof WebAssembly.CompileError) return "CompileError";
  if (e instanceof WebAssembly.LinkError) return "LinkError";
  if (e instanceof WebAssembly.RuntimeError) return "RuntimeError";
  if (typeof WebAssembly.Exception === "function" && e instanceof WebAssembly.Exception) return "Exception";
  if (e instanceof RangeError) return "RangeError";
  if (e instanceof TypeError) return "TypeError";
  if (e && e.name === "InternalError") return "InternalError";
  return "Error";
}

function failure(e) {
  let message;
  try { message = e && e.message !== undefined ? String(e.message) : String(e); } catch (_) { message = "(unprintable)"; }
  return { ok: false, kind: errorKind(e), error: message };
}

function externFor(id) {
  let value = spec.externs.get(id);
  if (!value) { value = { wasmbenchExtern: id }; spec.externs.set(id, value); }
  return value;
}

function toJsRef(ref) {
  return ref === null ? null : externFor(ref.extern);
}

function fromJsRef(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && typeof value.wasmbenchExtern === "number") return { extern: value.wasmbenchExtern };
  if (typeof value === "function") return { func: true };
  return { other: String(value) };
}

function specCompile(request) {
  try {
    spec.modules.push(new WebAssembly.Module(fromBase64(request.bytes)));
    return { ok: true, module: spec.modules.length - 1 };
  } catch (e) {
    return failure(e);
  }
}

function specInstantiate(request) {
  const module = spec.modules[request.module];
  const imports = Object.create(null);
  for (const { module: name } of WebAssembly.Module.imports(module)) {
    if (name in spec.registry) imports[name] = spec.registry[name];
  }
  try {
    spec.instances.push(new WebAssembly.Instance(module, imports));
    return { ok: true, instance: spec.instances.length - 1 };
  } catch (e) {
    return failure(e);
  }
}

function specRegister(request) {
  spec.registry[request.name] = spec.instances[request.instance].exports;
  return { ok: true };
}

// Calls export request.name of an instance through its wrapper (request.wrapper, a compiled module).
function specInvoke(request) {
  const key = `${request.instance}/${request.wrapper}/${request.name}`;
  let wrapper = spec.wrappers.get(key);
  if (!wrapper) {
    const target = spec.instances[request.instance].exports[request.name];
    try {
      wrapper = new WebAssembly.Instance(spec.modules[request.wrapper], { t: { f: target } });
    } catch (e) {
      const answer = failure(e);
      answer.error = `the wrapper did not link to "${request.name}": ${answer.error}`;
      answer.kind = "Wrapper";
      return answer;
    }
    spec.wrappers.set(key, wrapper);
  }
  const memory = new Uint8Array(wrapper.exports.m.buffer);
  memory.set(fromBase64(request.input), 0);
  let result;
  try {
    result = wrapper.exports.run(...request.refs.map(toJsRef));
  } catch (e) {
    return failure(e);
  }
  const refs = request.refResults === 0 ? [] : request.refResults === 1 ? [result] : Array.from(result);
  return { ok: true, output: toBase64(new Uint8Array(wrapper.exports.m.buffer, 0, request.outputBytes)), refs: refs.map(fromJsRef) };
}

// ---- The loop ----
const handlers = { bench: benchIteration, compile: specCompile, instantiate: specInstantiate, register: specRegister, invoke: specInvoke };

platform.writeLine(JSON.stringify({ ready: true, engine: platform.name, version: platform.version }));
for (let line = platform.readLine(); line !== null; line = platform.readLine()) {
  if (line.trim() === "") continue;
  let answer;
  try {
    const request = JSON.parse(line);
    const handler = handlers[request.op];
    answer = handler ? handler(request) : { ok: false, error: `unknown op '${request.op}'` };
  } catch (e) {
    answer = { ok: false, error: `host error: ${describe(e)}` };
  }
  platform.writeLine(JSON.stringify(answer));
}
