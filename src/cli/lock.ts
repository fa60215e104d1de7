/**
 * One build at a time. The two Astro builds work in folders of the project (`.astro/`, the
 * build scratch folders), so a second build started meanwhile would overwrite the first one's
 * files. A lock file holds the pid of the build that owns them; a lock whose process has gone
 * (killed, crashed) is taken over.
 */
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const holder: LockHolder = { pid: process.pid, start: processIdentity(), since: new Date().toISOString(), what };
  for (let attempt = 0; attempt < 20; attempt++) {
    // The lock appears whole or not at all: written to a file of our own, then linked into place.
    if (claim(file, holder)) {
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
    const current = readHolder(file);
    if (current && isRunning(current.pid, current.start)) return { acquired: false, holder: current };
    // The build that held it has gone: its lock is stale. One process at a time takes it over, and
    // only while it is still the stale one it saw, so that two builds never both remove and claim it.
    const takeover = `${file}.takeover`;
    if (!claim(takeover, holder)) {
      const other = readHolder(takeover);
      if (!other || !isRunning(other.pid, other.start)) rmSync(takeover, { force: true });
      continue;
    }
    try {
      const again = readHolder(file);
      if (JSON.stringify(again) === JSON.stringify(current)) rmSync(file, { force: true });
    } finally {
      rmSync(takeover, { force: true });
    }
  }
  const current = readHolder(file);
  return current ? { acquired: false, holder: current } : { acquired: false, holder: { pid: 0, start: null, since: new Date().toISOString(), what: 'an unknown build' } };
}

/** Creates `file` holding `holder`, atomically; false when it exists already. */
function claim(file: string, holder: LockHolder): boolean {
  const own = `${file}.${process.pid}.${randomUUID()}`;
  writeFileSync(own, `${JSON.stringify(holder)}\n`);
  try {
    linkSync(own, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    rmSync(own, { force: true });
  }
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
