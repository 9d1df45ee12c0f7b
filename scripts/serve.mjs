#!/usr/bin/env node
// A small static server for www/ (no dependencies): correct MIME types (application/wasm for
// streaming compilation), no caching, and with --csp the strict Content-Security-Policy the
// pages must work under. Prints the URL it serves.
//
//   node scripts/serve.mjs [--port N] [--csp] [--root DIR]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const root = resolve(opt('--root', join(fileURLToPath(new URL('..', import.meta.url)), 'www')));
const port = Number(opt('--port', process.env.PORT ?? 8080)); // 0: any free port
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const csp = args.includes('--csp');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (path !== root && !path.startsWith(root + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    const body = await readFile(path);
    const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (csp) headers['content-security-policy'] = CSP;
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});

server.on('error', (e) => {
  if (e.code === 'EADDRINUSE' && !args.includes('--port')) {
    server.listen(0, '127.0.0.1'); // the default port is taken: any free one
  } else {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  }
});
server.listen(port, '127.0.0.1', () => {
  const { port: p } = server.address();
  console.log(`Kashif demo: http://127.0.0.1:${p}/${csp ? '  (with CSP)' : ''}`);
});
