/**
 * Notices when the processes that started this one go away. `npm run build` starts a shell,
 * which starts `trustbook build`, which starts an Astro build: killing npm (even with SIGKILL,
 * which nobody can catch) must stop all of them, not leave a build running that would later
 * swap itself into `dist/`. So each process watches its ancestors and stops when one exits.
 *
 * On Linux an ancestor is identified by its pid and start time from /proc, so a reused pid is
 * never mistaken for the original; elsewhere the parent pid is watched.
 */
import { readFileSync } from 'node:fs';

interface Ancestor {
  pid: number;
  /** Start time in clock ticks since boot (field 22 of /proc/<pid>/stat). */
  start: string;
}

/** Fields of /proc/<pid>/stat after the command name (which may itself hold spaces and parentheses). */
function stat(pid: number): { state: string; ppid: number; start: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]), start: fields[19]! };
  } catch {
    return null;
  }
}

const hasProc = () => stat(process.pid) !== null;

/** This process's identity as /proc tells it, for a lock file: a pid alone may be reused. */
export function processIdentity(pid = process.pid): string | null {
  return stat(pid)?.start ?? null;
}

/** Whether the process `pid` that started at `start` is still running. */
export function isRunning(pid: number, start: string | null): boolean {
  if (hasProc()) {
    const s = stat(pid);
    return s !== null && s.state !== 'Z' && (start === null || s.start === start);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Calls `onLost` (once) when one of the `depth` nearest ancestors exits. Returns a function
 * that stops watching.
 */
export function watchAncestors(onLost: (why: string) => void, { depth = 2, intervalMs = 250 } = {}): () => void {
  const ancestors: Ancestor[] = [];
  const initialParent = process.ppid;
  if (hasProc()) {
    let pid = process.ppid;
    while (ancestors.length < depth && pid > 1) {
      const s = stat(pid);
      if (!s) break;
      ancestors.push({ pid, start: s.start });
      pid = s.ppid;
    }
  }
  const timer = setInterval(() => {
    const gone = hasProc() ? ancestors.find((a) => !isRunning(a.pid, a.start)) : process.ppid !== initialParent ? { pid: initialParent } : undefined;
    if (!gone) return;
    clearInterval(timer);
    onLost(`the process that started it (pid ${gone.pid}) has gone away`);
  }, intervalMs);
  // Watching must never keep the process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
