import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './content.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `trustbook` as a user would, in a child process, with the given environment additions.
 * With `hangAfterMs`, a run that has not ended by then is killed and the test fails: a hang guard.
 */
export function runCli(args: string[], env: Record<string, string> = {}, hangAfterMs?: number): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'src/cli/main.ts'), ...args], {
      cwd: projectRoot,
      env: cleanEnv(env),
    });
    let stdout = '';
    let stderr = '';
    const timer = hangAfterMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`trustbook ${args.join(' ')} was still running after ${hangAfterMs} ms, and was killed.\n${stdout}\n${stderr}`));
        }, hangAfterMs)
      : undefined;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/**
 * Node's cache of compiled code, kept between the many runs the tests start (each build starts three
 * processes that load Astro): V8's own, keyed by the text of each file, so it changes no output.
 */
const compileCache = path.join(projectRoot, 'node_modules', '.cache', 'node-compile');

/** The test's environment without colour or Trustbook settings that would change the output, plus `extra`. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_COMPILE_CACHE: compileCache, ...process.env, NO_COLOR: '1' };
  for (const key of ['FORCE_COLOR', 'TRUSTBOOK_TODAY', 'TRUSTBOOK_CONTENT', 'TRUSTBOOK_AUDIENCE']) delete env[key];
  return { ...env, ...extra };
}
