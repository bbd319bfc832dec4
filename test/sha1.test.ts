// The fact ids' SHA-1 (loaders/sha1.ts) against node:crypto's, on keys of every length around the block boundaries
// and on every kind of UTF-16 a key can hold: ASCII, Chinese, astral characters and lone surrogates.
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {test} from "node:test";
import {random} from "../bench/random.js";
import {sha1Hex} from "../loaders/sha1.js";

const expected = (text: string) => createHash("sha1").update(text).digest("hex");

test("sha1Hex is node:crypto's SHA-1 for ASCII keys of every length from 0 to 300", () => {
  for (let n = 0; n <= 300; n++) {
    const key = "a1@:".repeat(80).slice(0, n);
    assert.equal(sha1Hex(key), expected(key), `length ${n}`);
  }
});

test("sha1Hex is node:crypto's SHA-1 for fact-id keys and for Chinese, astral and lone-surrogate text", () => {
  const next = random(12);
  const pieces = ["0123456789abcdef@:", "聊城东昌府区", "\u{20000}\u{1F600}", "\ud800", "\udc00", "é", "\u07ff\u0800"];
  for (let k = 0; k < 2000; k++) {
    let key = "";
    const len = Math.floor(next() * 90);
    for (let i = 0; i < len; i++) {
      const piece = pieces[Math.floor(next() * pieces.length)];
      key += piece[Math.floor(next() * piece.length)];
    }
    assert.equal(sha1Hex(key), expected(key), JSON.stringify(key));
  }
  assert.equal(sha1Hex("75a53e5b155eac84@title:12"), expected("75a53e5b155eac84@title:12"));
});
