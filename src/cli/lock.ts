/**
 * One build at a time. The two Astro builds work in folders of the project (`.astro/`, the
 * build scratch folders), so a second build started meanwhile would overwrite the first one's
 * files. A lock file holds the pid of the build that owns them; a lock whose process has gone
 * (killed, crashed) is taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { isRunning, processIdentity } from './lifeline.ts';

export interface LockHolder {
  pid: number;
  start: string | null;
  /** When the build started, as an ISO date-time. */
  since: string;
  /** What it is building. */
  what: string;
}

export type Lock = { acquired: true; release(): void } | { acquired: false; holder: LockHolder };

export function acquireLock(file: string, what: string): Lock {
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && isRunning(holder.pid, holder.start)) return { acquired: false, holder };
      // The build that held it has gone: its lock is stale.
      rmSync(file, { force: true });
      continue;
    }
    const holder: LockHolder = { pid: process.pid, start: processIdentity(), since: new Date().toISOString(), what };
    writeSync(fd, `${JSON.stringify(holder)}\n`);
    closeSync(fd);
    let released = false;
    return {
      acquired: true,
      release() {
        if (released) return;
        released = true;
        // Only our own lock: never one a later build took over.
        if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
      },
    };
  }
  const holder = readHolder(file);
  return holder ? { acquired: false, holder } : acquireLock(file, what);
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' ? holder : null;
  } catch {
    // Half-written by a build killed while taking it: treat as stale.
    return null;
  }
}
