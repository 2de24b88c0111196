/**
 * A tiny static server for built sites (browser tests): serves `dist` under `base` on
 * 127.0.0.1 at a random port, like a static host would (directory → index.html, 404.html).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

export interface StaticServer {
  /** Origin plus base, ending with "/": "http://127.0.0.1:1234/archive/". */
  url: string;
  origin: string;
  close(): Promise<void>;
  server: Server;
}

/** Serves `dist` under `base` ("/" or "/archive/"); `headers` are added to every response (e.g. a CSP). */
export function serve(dist: string, base = '/', headers: Record<string, string> = {}): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, file: string | null) => {
      res.writeHead(status, { 'content-type': file ? (TYPES[extname(file)] ?? 'application/octet-stream') : 'text/plain', ...headers });
      res.end(file ? readFileSync(file) : 'not found');
    };
    const notFound = () => {
      const page = join(dist, '404.html');
      send(404, existsSync(page) ? page : null);
    };
    if (!path.startsWith(prefix)) return notFound();
    const relative = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dist, relative);
    if (!file.startsWith(dist)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound();
    send(200, file);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const origin = `http://127.0.0.1:${port}`;
      resolve({ url: `${origin}${prefix}`, origin, server, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
