import { at, type Rule } from '../rule.ts';

/** A public document is a download: it needs a `file` or a `url`. */
export const documentsDownloadMissing: Rule<'documents/download-missing'> = {
  id: 'documents/download-missing',
  check({ model, report }) {
    for (const entry of model.index.documents.values()) {
      const d = entry.data;
      if (d.access !== 'public' || d.file || d.url) continue;
      report(at(entry, ['access'], this.id, `The public document "${d.title}" has neither a \`file\` nor a \`url\` to download.`));
    }
  },
};
