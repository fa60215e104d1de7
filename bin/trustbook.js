#!/usr/bin/env node
// `npx trustbook …`: npm puts the project's own Node (the `node` devDependency) first on the PATH,
// so this runs on it. Compiled code is cached between runs, which makes `check` start faster.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
