#!/usr/bin/env node
// `npx trustbook …`. Trustbook runs on the Node it brings (the `node` devDependency): npm puts it
// first on the PATH for scripts and `npx` in the project, and any other Node hands over to it here,
// so that the command behaves the same from anywhere. Plain JavaScript, so that an older Node reads it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const own = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(own)) {
    process.stderr.write(`Trustbook needs Node.js 22.18 or later, and this is ${process.version}. Run \`npm install\` in the Trustbook folder: it brings its own Node.\n`);
    process.exit(1);
  }
  const result = spawnSync(own, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

// Compiled code is cached between runs, which makes `check` start faster.
module.enableCompileCache?.();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
