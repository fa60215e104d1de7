/**
 * `npm run dev` follows every edit of the content folder — a YAML value, a policy's front matter —
 * and shows what the checks say about it on the page, without a restart.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { contentWith, fixture, projectRoot } from '../helpers/content.ts';

const content = contentWith({}, fixture('valid-minimal'));
let server: ChildProcess;
let origin = '';
let log = '';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function page(pathname: string): Promise<string> {
  const response = await fetch(new URL(pathname, origin));
  return response.text();
}

/** Asks for a page until it satisfies `ok`, for at most 20 s; fails with what the page last said. */
async function eventually(pathname: string, ok: (html: string) => boolean, what: string): Promise<string> {
  const until = Date.now() + 20_000;
  let html = '';
  while (Date.now() < until) {
    html = await page(pathname).catch(() => '');
    if (ok(html)) return html;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${pathname} never showed ${what} within 20 s. The dev server said:\n${log.slice(-3000)}`);
}

function edit(file: string, from: string | RegExp, to: string) {
  const target = path.join(content, file);
  const text = readFileSync(target, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file} has no ${from}`);
  writeFileSync(target, next);
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // The environment a person's shell has: none of the test runner's own variables (NODE_ENV=test, VITEST…).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$)/.test(key)));
  // As a person starts it: `npx trustbook dev`.
  server = spawn(process.execPath, [path.join(projectRoot, 'bin/trustbook.js'), 'dev', '--content', content, '--today', '2026-06-15', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    env: { ...env, NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  server.on('exit', (code, signal) => (log += `\n[the dev server exited: ${signal ?? code}]`));
  await eventually('/people/', (html) => html.includes('Ada Lovelace'), 'the people of the content');
});

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGKILL');
});

describe('the dev server', () => {
  test('is the only place the bar of checks appears: a bare `astro build` in development mode has none', async () => {
    const { spawnSync } = await import('node:child_process');
    const out = path.join(projectRoot, 'test-results', 'dev-mode-build');
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST$|MODE$)/.test(key)));
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
      cwd: projectRoot,
      env: { ...env, NODE_ENV: 'development', TRUSTBOOK_CONTENT: fixture('valid-minimal'), TRUSTBOOK_TODAY: '2026-06-15', ASTRO_TELEMETRY_DISABLED: '1', TRUSTBOOK_AUDIENCE: 'internal' },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const home = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(home).toContain('Minimal Ltd');
    expect(home).not.toContain('data-trustbook-dev-bar');
  });

  test('shows a changed YAML value on the next page load', async () => {
    edit('people/people.yaml', 'name: Ada Lovelace', 'name: Ada King');
    await eventually('/people/', (html) => html.includes('Ada King') && !html.includes('Ada Lovelace'), 'the new name "Ada King"');
  });

  test("shows a changed policy title from the policy's front matter", async () => {
    edit('policies/information-security.mdx', 'title: Information Security Policy', 'title: Information Security Charter');
    await eventually('/policies/', (html) => html.includes('Information Security Charter'), 'the new title');
  });

  test('shows the checks of the content as it is now, on every page, and in the terminal', async () => {
    await eventually('/', (html) => html.includes('data-trustbook-dev-bar') && html.includes('no problems in the content'), 'a clean bar of checks');
    edit('soa/controls.yaml', /(- id: A\.5\.2\n(?:  .*\n)*?)  owners: \[ada-lovelace\]\n/, '$1');
    const html = await eventually('/people/', (h) => h.includes('soa/owner-required'), 'the soa/owner-required error');
    expect(html).toMatch(/1 error/);
    expect(log).toContain('soa/owner-required');
  });
});
