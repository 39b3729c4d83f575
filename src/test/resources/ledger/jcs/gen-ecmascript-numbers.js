// Generates ecmascript-numbers.txt (run: node gen-ecmascript-numbers.js, then add the three header lines):
const buf = new DataView(new ArrayBuffer(8));
let seed = 0x2545F4914F6CDD1Dn;
function next64() { // xorshift64*, deterministic
  seed ^= seed >> 12n; seed ^= (seed << 25n) & 0xFFFFFFFFFFFFFFFFn; seed ^= seed >> 27n;
  return (seed * 0x2545F4914F6CDD1Dn) & 0xFFFFFFFFFFFFFFFFn;
}
function bitsOf(x) { buf.setFloat64(0, x); return buf.getBigUint64(0); }
function ofBits(b) { buf.setBigUint64(0, b); return buf.getFloat64(0); }
const out = new Map();
function add(x) { if (Number.isFinite(x)) out.set(bitsOf(x).toString(16).padStart(16, '0'), String(x)); }
for (let i = 0; i < 1000; i++) add(ofBits(next64()));
for (let i = 0; i < 500; i++) {
  const digits = Number(next64() % 17n) + 1;
  const mantissa = Number(next64() % (10n ** BigInt(digits)));
  const exp = Number(next64() % 61n) - 30;
  const sign = (next64() & 1n) ? -1 : 1;
  add(sign * Number(mantissa + 'e' + exp));
}
for (let e = -30; e <= 30; e++) {
  const x = Number('1e' + e);
  add(x); add(ofBits(bitsOf(x) + 1n)); add(ofBits(bitsOf(x) - 1n));
}
for (let e = 0; e < 64; e++) { const x = 2 ** e; add(x); add(x - 1); add(x + 1); }
add(Number.MIN_VALUE); add(Number.MAX_VALUE); add(Number.EPSILON); add(2.2250738585072014e-308);
const lines = [...out.entries()].sort().map(([b, s]) => b + ' ' + s);
process.stdout.write(lines.join('\n') + '\n');
