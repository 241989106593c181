// Runs a WASI preview1 command module under Node's WASI (wabt's wasm-interp on Debian is
// built without WASI). Provides the bench.start/bench.end imports and reports the timed
// region on stderr only when WASMBENCH_TIMING=1.
// usage: node --no-warnings run-wasi.mjs <module.wasm> <folder preopened as "."> [args...]
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const [, , file, dir, ...args] = process.argv;
if (!file || !dir) {
  process.stderr.write('usage: run-wasi.mjs <module.wasm> <dir> [args...]\n');
  process.exit(64);
}
const wasi = new WASI({
  version: 'preview1',
  args: ['benchmark', ...args],
  env: {},
  preopens: { '.': dir },
  returnOnExit: true,
});
let start = 0n;
let end = 0n;
const bench = {
  start: () => { start = process.hrtime.bigint(); },
  end: () => { end = process.hrtime.bigint(); },
};
const module = await WebAssembly.compile(readFileSync(file));
const instance = await WebAssembly.instantiate(module, { ...wasi.getImportObject(), bench });
const code = wasi.start(instance);
if (process.env.WASMBENCH_TIMING === '1' && end > start) {
  process.stderr.write(`timed region: ${Number(end - start) / 1e6} ms\n`);
}
process.exitCode = code;
