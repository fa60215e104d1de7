/**
 * Starts the Astro build processes of `trustbook build` before the content is checked: loading
 * Astro takes a good part of a second, which they spend while the command reads and checks the
 * content on the other core. Each waits for the build command to say where to build (see
 * `astro-build.ts`); a build that does not go ahead stops them. Imports nothing heavy itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Audience } from '../view/view.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroRunner = fileURLToPath(new URL('./astro-build.ts', import.meta.url));

/** Processes started ahead, by site; each is handed to its build once, or stopped. */
export type Prestarted = Map<Audience, ChildProcess>;

export function prestartAstro(audiences: readonly Audience[]): Prestarted {
  const started: Prestarted = new Map();
  for (const audience of audiences) {
    try {
      const child = fork(astroRunner, [], {
        cwd: projectRoot,
        env: { ...process.env, TRUSTBOOK_PROJECT_ROOT: projectRoot, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      // A process that could not start is not handed out: the build then starts one of its own.
      child.on('error', () => started.delete(audience));
      started.set(audience, child);
    } catch {
      /* the build starts its own */
    }
  }
  return started;
}

/** Stops the processes started ahead that no build took. */
export function stopPrestarted(started: Prestarted | undefined): void {
  for (const child of started?.values() ?? []) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started?.clear();
}
