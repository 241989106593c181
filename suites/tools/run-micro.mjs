// Instantiates a micro kernel (no imports) under Node and prints run(count):
// i32 and i64 as unsigned decimals, f64 with 17 significant digits.
// usage: node run-micro.mjs <kernel.wasm> <i32|i64> <count>
import { readFileSync } from 'node:fs';

const [, , file, type, count] = process.argv;
if (!file || !type || !count) {
  process.stderr.write('usage: run-micro.mjs <kernel.wasm> <i32|i64> <count>\n');
  process.exit(64);
}
const { instance } = await WebAssembly.instantiate(readFileSync(file));
const result = instance.exports.run(type === 'i64' ? BigInt(count) : Number(count));
if (typeof result === 'bigint') {
  console.log(BigInt.asUintN(64, result).toString());
} else if (Number.isInteger(result) && !Object.is(result, -0) && Math.abs(result) < 2 ** 31) {
  // an i32 result (or an integral f64 below 2^31; the expected file disambiguates)
  console.log(String(result >>> 0));
} else {
  console.log(result.toPrecision(17));
}
