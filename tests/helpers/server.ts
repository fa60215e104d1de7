/**
 * Serves a built site on a free loopback port, as a host that reads `_headers` (Netlify,
 * Cloudflare Pages) would: the site's Content-Security-Policy and other headers are sent with
 * every response, so browser tests run under both the header and the `<meta>` policy.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** The rules of a `_headers` file: a path pattern (`/*`, `/trust.json`) and the headers it sets. */
export function parseHeaders(text: string): { pattern: string; headers: [string, string][] }[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)!.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

const matches = (pattern: string, pathname: string) => (pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern);

export async function serve(dir: string): Promise<StaticServer> {
  const headersFile = path.join(dir, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const handler = sirv(dir, {
    dev: false,
    etag: false,
    extensions: ['html'],
    dotfiles: true,
    setHeaders(res, pathname) {
      for (const rule of rules) if (matches(rule.pattern, pathname)) for (const [name, value] of rule.headers) res.setHeader(name, value);
    },
  });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
