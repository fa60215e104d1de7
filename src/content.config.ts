/**
 * Astro content collections, made from the one table of collections. MDX policies use
 * Astro's glob loader so that they render the Astro way; data collections reuse
 * Trustbook's own loader. When building the public site, internal entities are never
 * put in the store, so internal policy bodies are not even compiled.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import path from 'node:path';
import { collectionNames, collections as collectionDefs, type CollectionName } from './model/collections.ts';
import { audience, contentDir, getModel } from './lib/site.ts';

const visibleToAudience = (data: unknown) => audience === 'internal' || (data as { visibility?: string } | undefined)?.visibility === 'public';

/** Wraps a loader so that entries the audience may not see never reach the store. */
function forAudience(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        store: new Proxy(context.store, {
          get(target, property, receiver) {
            if (property === 'set') return (entry: { data: unknown }) => (visibleToAudience(entry.data) ? target.set(entry as never) : false);
            const value: unknown = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
      }),
  };
}

function dataLoader(name: CollectionName): Loader {
  return {
    name: `trustbook-${name}`,
    async load({ store, parseData }) {
      store.clear();
      for (const entry of getModel().entries[name]) {
        const data = await parseData({ id: entry.id, data: entry.data as Record<string, unknown>, filePath: entry.absPath });
        store.set({ id: entry.id, data, filePath: path.relative(process.cwd(), entry.absPath) });
      }
    },
  };
}

export const collections = Object.fromEntries(
  collectionNames.map((name) => {
    const def = collectionDefs[name];
    const loader =
      def.format === 'mdx'
        ? glob({ pattern: '**/*.{md,mdx}', base: path.join(contentDir, def.folder), generateId: ({ data, entry }) => String(data.id ?? entry.replace(/\.mdx?$/, '')) })
        : dataLoader(name);
    return [name, defineCollection({ loader: forAudience(loader), schema: def.schema })];
  }),
);
