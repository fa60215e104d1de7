/**
 * How `trustbook build` hands a site's context to the Astro build that renders it: written once
 * to a file in the build's scratch folder, read once by the Astro process. So no Astro build
 * reads, validates or compiles content again, and the public build's process never holds more
 * than the public view.
 *
 * The file is V8's structured serialisation: it keeps shared objects shared, cycles, Maps and
 * Sets, and needs no schema. Functions (the loader's `locate` helpers) are left behind: they
 * serve the checks, which have run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { SiteContext } from './context.ts';

const FORMAT = 'trustbook-site-context/1';

interface Envelope {
  format: typeof FORMAT;
  content: string;
  site: SiteContext;
}

export function writeSnapshot(file: string, content: string, site: SiteContext): void {
  const envelope: Envelope = { format: FORMAT, content, site };
  writeFileSync(file, serialize(withoutFunctions(envelope)));
}

/**
 * The site context in `file`. Throws, saying why, when the file is not a snapshot of this
 * version for this audience and content folder: a build never renders another build's content.
 */
export function readSnapshot(file: string, expected: { audience: SiteContext['audience']; content: string }): SiteContext {
  let envelope: Partial<Envelope>;
  try {
    envelope = deserialize(readFileSync(file)) as Partial<Envelope>;
  } catch (error) {
    throw new Error(`the build's snapshot of the content, ${file}, cannot be read (${(error as Error).message}); build again`);
  }
  if (envelope?.format !== FORMAT) throw new Error(`${file} is not a Trustbook site context of this version`);
  if (envelope.content !== expected.content) throw new Error(`${file} describes the content folder ${envelope.content}, not ${expected.content}`);
  if (envelope.site?.audience !== expected.audience) throw new Error(`${file} is the context of the ${envelope.site?.audience} site, not the ${expected.audience} one`);
  restorePrototypes(envelope.site);
  return envelope.site;
}

const NO_PROTOTYPE = '\u0000trustbook:no-prototype';

/** Gives back their null prototype to the objects `withoutFunctions` marked. */
function restorePrototypes(value: unknown): void {
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Map) for (const [k, x] of v) walk(k), walk(x);
    else if (v instanceof Set) for (const x of v) walk(x);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else {
      const record = v as Record<string, unknown>;
      if (record[NO_PROTOTYPE] === true) {
        delete record[NO_PROTOTYPE];
        Object.setPrototypeOf(record, null);
      }
      for (const x of Object.values(record)) walk(x);
    }
  };
  walk(value);
}

/** A copy of a value with every function-valued property left out; shared objects and cycles are kept. */
export function withoutFunctions<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v === 'function') return undefined;
    if (v === null || typeof v !== 'object') return v;
    if (copies.has(v)) return copies.get(v);
    if (v instanceof Map) {
      const out = new Map();
      copies.set(v, out);
      for (const [k, x] of v) out.set(copy(k), copy(x));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set();
      copies.set(v, out);
      for (const x of v) out.add(copy(x));
      return out;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      copies.set(v, out);
      for (const x of v) out.push(copy(x));
      return out;
    }
    if (v instanceof Date || v instanceof RegExp || ArrayBuffer.isView(v)) return v;
    const out: Record<string, unknown> = {};
    // Lookup tables keyed by content have no prototype (an id may be `constructor`); V8 does not keep that, so it is marked.
    if (Object.getPrototypeOf(v) === null) out[NO_PROTOTYPE] = true;
    copies.set(v, out);
    for (const [k, x] of Object.entries(v)) if (typeof x !== 'function') out[k] = copy(x);
    return out;
  };
  return copy(value) as T;
}
