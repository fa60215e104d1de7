import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Rule } from '../rule.ts';
import { at } from '../rule.ts';

const isFileInside = (root: string, relative: string) => {
  const target = path.resolve(root, relative);
  return !path.relative(root, target).startsWith('..') && existsSync(target) && statSync(target).isFile();
};

export const referencedFilesExist: Rule = {
  id: 'files/missing',
  description: 'Files the content names — the logo, certificate PDFs — exist inside the content folder.',
  check({ model, report }) {
    const logo = model.settings?.brand.logo;
    if (logo && !isFileInside(model.root, logo)) {
      const position = model.locateSetting(['brand', 'logo']);
      report({
        rule: this.id,
        severity: 'error',
        file: model.settingsFile,
        line: position?.line ?? null,
        column: position?.column ?? null,
        entity: 'settings',
        message: `The logo \`${logo}\` is not a file inside the content folder.`,
        hint: 'Put the logo (SVG or PNG) in the content folder and give its path relative to it, or remove `brand.logo`.',
      });
    }
    for (const cert of model.index.certifications.values()) {
      const file = cert.data.certificateFile;
      if (!file || isFileInside(model.root, file)) continue;
      report(
        at(cert, ['certificateFile'], this.id, 'error', `The certificate file \`${file}\` of ${cert.data.certificateNumber} is not a file inside the content folder.`,
          'Put the certificate PDF in the content folder and give its path relative to it, or remove `certificateFile`.'),
      );
    }
  },
};
