// A static server for a built site (dist/), the way a host serves Framework's output: `/x` answers with `x.html`.
// Shared by the export command and the browser tests.
import {createServer, type Server} from "node:http";
import {createReadStream} from "node:fs";
import {readFile, stat} from "node:fs/promises";
import {extname, join, normalize} from "node:path";
import type {AddressInfo} from "node:net";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".parquet": "application/octet-stream",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".otf": "font/otf",
  ".ttf": "font/ttf"
};

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

export async function serve(dir: string): Promise<{origin: string; close: () => Promise<void>}> {
  const server: Server = createServer(async (request, response) => {
    const pathname = normalize(decodeURIComponent(new URL(request.url!, "http://localhost").pathname));
    const candidates = pathname.endsWith("/")
      ? [join(dir, pathname, "index.html")]
      : [join(dir, pathname), join(dir, `${pathname}.html`)];
    for (const file of candidates) {
      if (file.startsWith(dir) && (await isFile(file))) {
        const type = types[extname(file)] ?? "application/octet-stream";
        // One byte range (`bytes=a-b`, `a-`, `-n`), as static hosts answer them: the article store, the search index
        // and DuckDB files are read this way, a few KB of a file that may be hundreds of MB. HEAD gives the size only.
        const head = request.method === "HEAD";
        const {size} = await stat(file);
        const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
        if (range && (range[1] || range[2])) {
          const start = range[1] ? +range[1] : Math.max(0, size - +range[2]);
          const end = range[1] && range[2] ? Math.min(+range[2], size - 1) : size - 1;
          if (start > end || start >= size) {
            response.writeHead(416, {"content-range": `bytes */${size}`});
            response.end();
            return;
          }
          response.writeHead(206, {
            "content-type": type,
            "accept-ranges": "bytes",
            "content-range": `bytes ${start}-${end}/${size}`,
            "content-length": end - start + 1
          });
          if (head) response.end();
          else createReadStream(file, {start, end}).pipe(response);
          return;
        }
        response.writeHead(200, {"content-type": type, "accept-ranges": "bytes", "content-length": size});
        if (head) response.end();
        else createReadStream(file).pipe(response);
        return;
      }
    }
    if (process.env.SERVE_DEBUG) console.error(`404 ${pathname}`);
    response.writeHead(404, {"content-type": "text/plain"});
    response.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve()))};
}
