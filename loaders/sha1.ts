// SHA-1 of a string's UTF-8, exactly as node:crypto's createHash("sha1").update(text).digest("hex") gives it, for
// the short keys that fact ids hash (one per figure). Making node's Hash object costs microseconds, many times what
// hashing a 30-byte key here costs. For stable ids only: SHA-1 protects nothing against anyone.

const words = new Int32Array(80);
/** Scratch for the padded message, grown when a longer key comes. */
let buffer = new Uint8Array(128);

/** Writes text's UTF-8 (a lone surrogate as U+FFFD, as Buffer.from writes it) at the start of `buffer`. */
function encode(text: string): number {
  if (buffer.length < 3 * text.length + 72) buffer = new Uint8Array(3 * text.length + 72);
  const out = buffer;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = text.charCodeAt(i + 1);
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          out[n++] = 0xf0 | (c >> 18);
          out[n++] = 0x80 | ((c >> 12) & 63);
          out[n++] = 0x80 | ((c >> 6) & 63);
          out[n++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd;
      }
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

const HEX = Array.from({length: 256}, (_, b) => b.toString(16).padStart(2, "0"));
const hex = (h: number) => HEX[h >>> 24] + HEX[(h >>> 16) & 255] + HEX[(h >>> 8) & 255] + HEX[h & 255];

/** The SHA-1 digest of text's UTF-8, as 40 lowercase hex digits. */
export function sha1Hex(text: string): string {
  const n = encode(text);
  // Padding (FIPS 180-4, 5.1.1): a 1 bit, zeros, the length in bits as 64 bits big-endian, to a multiple of 64 bytes.
  const blocks = ((n + 8) >>> 6) + 1;
  const m = buffer;
  m.fill(0, n, blocks * 64);
  m[n] = 0x80;
  const bits = n * 8;
  const last = blocks * 64;
  const high = Math.floor(bits / 0x100000000);
  m[last - 8] = high >>> 24;
  m[last - 7] = (high >>> 16) & 255;
  m[last - 6] = (high >>> 8) & 255;
  m[last - 5] = high & 255;
  m[last - 4] = (bits >>> 24) & 255;
  m[last - 3] = (bits >>> 16) & 255;
  m[last - 2] = (bits >>> 8) & 255;
  m[last - 1] = bits & 255;

  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  const w = words;
  for (let block = 0; block < last; block += 64) {
    for (let t = 0; t < 16; t++) {
      const k = block + 4 * t;
      w[t] = (m[k] << 24) | (m[k + 1] << 16) | (m[k + 2] << 8) | m[k + 3];
    }
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    // The four rounds of twenty steps, each with its own function and constant.
    let t = 0;
    for (; t < 20; t++) {
      const temp = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[t]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    for (; t < 40; t++) {
      const temp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[t]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    for (; t < 60; t++) {
      const temp = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + 0x8f1bbcdc + w[t]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    for (; t < 80; t++) {
      const temp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0xca62c1d6 + w[t]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return hex(h0) + hex(h1) + hex(h2) + hex(h3) + hex(h4);
}
