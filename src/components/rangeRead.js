// Byte ranges of one static file, read with HTTP Range requests: Framework's preview server (send) and static hosts
// (nginx, GitHub Pages, Netlify, S3) answer them with 206. A server that ignores Range answers 200 with the whole
// file; then the whole file is kept and every later range is cut from it, so pages still work, only heavier.

const wholeFiles = new Map();

/** Bytes [start, end) of the file at `url`. */
export async function readRange(url, start, end) {
  if (end <= start) return new Uint8Array(0);
  if (wholeFiles.has(url)) return (await wholeFiles.get(url)).subarray(start, end);
  const response = await fetch(url, {headers: {Range: `bytes=${start}-${end - 1}`}});
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url}`);
  if (response.status === 206) return new Uint8Array(await response.arrayBuffer());
  const whole = response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  wholeFiles.set(url, whole);
  return (await whole).subarray(start, end);
}

/**
 * Several ranges of one file, in the order asked. Ranges less than `gap` bytes apart are read as one request, so
 * neighbouring directory entries or records cost one round trip.
 */
export async function readRanges(url, ranges, {gap = 4096} = {}) {
  const order = ranges.map((range, i) => ({range, i})).sort((a, b) => a.range[0] - b.range[0]);
  const groups = [];
  for (const item of order) {
    const last = groups[groups.length - 1];
    if (last && item.range[0] - last.end <= gap) {
      last.items.push(item);
      last.end = Math.max(last.end, item.range[1]);
    } else groups.push({start: item.range[0], end: item.range[1], items: [item]});
  }
  const out = new Array(ranges.length);
  await Promise.all(
    groups.map(async ({start, end, items}) => {
      const bytes = await readRange(url, start, end);
      for (const {range, i} of items) out[i] = bytes.subarray(range[0] - start, range[1] - start);
    })
  );
  return out;
}

/** Little-endian float64s (byte offsets, exact below 2^53) from bytes read at any alignment. */
export function float64s(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = [];
  for (let at = 0; at + 8 <= bytes.byteLength; at += 8) out.push(view.getFloat64(at, true));
  return out;
}

/** gzip bytes inflated by the browser's own DecompressionStream (no library to download). */
export async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function gunzipJson(bytes) {
  return JSON.parse(new TextDecoder().decode(await gunzip(bytes)));
}
