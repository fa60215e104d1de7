/**
 * Builds the example organisation once for every build and browser test (the `sites` project of
 * vitest.config.ts; the `unit` project builds nothing), the way a user does (`trustbook build`),
 * into test-results/example-site/.
 */
import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './helpers/cli.ts';
import { projectRoot } from './helpers/content.ts';
import { ensureChromium } from './helpers/browser.ts';

declare module 'vitest' {
  interface ProvidedContext {
    exampleSite: string;
  }
}

export async function setup(project: TestProject) {
  ensureChromium();
  const out = path.join(projectRoot, 'test-results', 'example-site');
  rmSync(out, { recursive: true, force: true });
  const { code, stdout, stderr } = await runCli(['build', '--out', out]);
  if (code !== 0) throw new Error(`Building the example failed:\n${stdout}\n${stderr}`);
  project.provide('exampleSite', out);
}
