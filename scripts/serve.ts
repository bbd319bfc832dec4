// A static server for a built site (dist/), the way a host serves Framework's output: `/x` answers with `x.html`.
// Shared by the export command, the browser tests and the benches. It answers HEAD and single byte ranges
// (`Range: bytes=a-b`, 206), which DuckDB-wasm needs to read a database file in pieces, and with `gzip: true` it
// compresses text the way a host would (never a range: a range counts bytes of the file as stored).
import {createServer, type Server} from "node:http";
import {createReadStream} from "node:fs";
import {readFile, stat} from "node:fs/promises";
import {extname, join, normalize} from "node:path";
import type {AddressInfo} from "node:net";
import {gzipSync} from "node:zlib";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".parquet": "application/octet-stream",
  ".duckdb": "application/octet-stream",
  ".db": "application/octet-stream",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".otf": "font/otf",
  ".ttf": "font/ttf"
};

/** What hosts compress: text and wasm; fonts, images and Parquet are compressed already. */
const compressible = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".wasm", ".txt", ".md", ".geojson"]);

export interface ServeOptions {
  /** Send compressible files gzipped to a client that accepts it (Content-Encoding: gzip). Default false. */
  gzip?: boolean;
}

async function fileSize(path: string): Promise<number | null> {
  return stat(path).then(
    (s) => (s.isFile() ? s.size : null),
    () => null
  );
}

/** The one range of a `bytes=a-b`, `bytes=a-` or `bytes=-n` header, clamped to the file; null when unsatisfiable. */
export function byteRange(header: string, size: number): {start: number; end: number} | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const last = size - 1;
  const [start, end] =
    match[1] === ""
      ? [Math.max(0, size - Number(match[2])), last]
      : [Number(match[1]), match[2] === "" ? last : Math.min(Number(match[2]), last)];
  return start <= end && start < size ? {start, end} : null;
}

export async function serve(
  dir: string,
  options: ServeOptions = {}
): Promise<{origin: string; close: () => Promise<void>}> {
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer(async (request, response) => {
    const pathname = normalize(decodeURIComponent(new URL(request.url!, "http://localhost").pathname));
    const candidates = pathname.endsWith("/")
      ? [join(dir, pathname, "index.html")]
      : [join(dir, pathname), join(dir, `${pathname}.html`)];
    for (const file of candidates) {
      const size = file.startsWith(dir) ? await fileSize(file) : null;
      if (size === null) continue;
      const type = types[extname(file)] ?? "application/octet-stream";
      const head = request.method === "HEAD";
      const range = request.headers.range;
      if (range) {
        const bytes = byteRange(range, size);
        if (!bytes) {
          response.writeHead(416, {"content-range": `bytes */${size}`}).end();
          return;
        }
        response.writeHead(206, {
          "content-type": type,
          "accept-ranges": "bytes",
          "content-range": `bytes ${bytes.start}-${bytes.end}/${size}`,
          "content-length": bytes.end - bytes.start + 1
        });
        // Streamed: the article store and the search index may be hundreds of MB, of which a range reads a few KB.
        if (head) response.end();
        else createReadStream(file, {start: bytes.start, end: bytes.end}).pipe(response);
        return;
      }
      const gzip =
        options.gzip && compressible.has(extname(file)) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
      let body = head ? null : await readFile(file);
      if (gzip) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body ?? (await readFile(file))));
        body = head ? null : gzipped.get(file)!;
      }
      const length = gzip ? gzipped.get(file)!.length : size;
      response.writeHead(200, {
        "content-type": type,
        "accept-ranges": "bytes",
        "content-length": length,
        ...(gzip ? {"content-encoding": "gzip", vary: "accept-encoding"} : {})
      });
      response.end(body ?? undefined);
      return;
    }
    if (process.env.SERVE_DEBUG) console.error(`404 ${pathname}`);
    response.writeHead(404, {"content-type": "text/plain"});
    response.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve()))};
}
