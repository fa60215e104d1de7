/**
 * One Astro build, in a process of its own: `node src/cli/astro-build.ts <outDir>`, with the
 * audience, content folder and day in the environment (see `build.ts`). Started without an
 * output folder (`astro-prestart.ts`), it loads Astro, then waits for the build command to send
 * the folder and the environment of the build. It stops as soon as
 * the build command that started it goes away, and a failure is sent back as a message for
 * the build command to report, never printed as a stack trace.
 */
import { build } from 'astro';
import { fileURLToPath } from 'node:url';
import { watchAncestors } from './lifeline.ts';

/** What the build command receives when Astro fails. */
export interface BuildFailure {
  type: 'failure';
  /** Astro's name for the error (`GetStaticPathsRequired`), or the JavaScript error class. */
  name: string;
  message: string;
  hint?: string;
  /** The page being built when it failed, when Astro says. */
  page?: string;
  /** The Trustbook source file and line where it failed, when Astro says. */
  source?: { file: string; line?: number };
  stack?: string;
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function astroBuild(outDir: string): Promise<BuildFailure | null> {
  try {
    await build({ root: projectRoot, outDir, mode: 'production' });
    return null;
  } catch (error) {
    return describeFailure(error);
  }
}

export function describeFailure(error: unknown): BuildFailure {
  const e = (error ?? {}) as { name?: string; title?: string; message?: string; hint?: string; loc?: { file?: string; line?: number }; stack?: string; route?: string; pathname?: string };
  const message = String(e.message ?? error).split('\n')[0]!.trim();
  const page = e.pathname ?? e.route ?? /(?:generating|rendering|building) (\/\S*)/i.exec(String(e.message))?.[1];
  return {
    type: 'failure',
    name: e.name ?? 'Error',
    message,
    ...(e.hint ? { hint: String(e.hint) } : {}),
    ...(page ? { page } : {}),
    ...(e.loc?.file ? { source: { file: e.loc.file, ...(e.loc.line ? { line: e.loc.line } : {}) } } : {}),
    ...(e.stack ? { stack: e.stack } : {}),
  };
}

if (import.meta.main) {
  // The build command is the parent: if it is killed, this build must not carry on alone.
  watchAncestors(() => process.exit(1), { depth: 1 });
  let outDir = process.argv[2];
  if (!outDir && process.send) {
    // Started ahead: Astro is loaded by now; the build command says where to build, and for which site.
    // If the command goes away first, so does this process.
    process.once('disconnect', () => process.exit(1));
    const go = await new Promise<{ type: 'build'; outDir: string; env: Record<string, string> }>((resolve) => process.once('message', resolve as (message: unknown) => void));
    Object.assign(process.env, go.env);
    outDir = go.outDir;
  }
  if (!outDir) {
    process.stderr.write('Usage: node src/cli/astro-build.ts <outDir>\n');
    process.exit(2);
  }
  const failure = await astroBuild(outDir);
  // Exit explicitly: a build may leave handles open, and the message channel would keep this process alive.
  if (!failure) process.exit(0);
  if (process.send) process.send(failure, () => process.exit(1));
  else {
    process.stderr.write(`${failure.name}: ${failure.message}\n`);
    process.exit(1);
  }
}
