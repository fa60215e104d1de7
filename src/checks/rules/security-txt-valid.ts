import { securityTxt, validateSecurityTxt } from '../../model/security-txt.ts';
import type { Rule } from '../rule.ts';

/** Settings fields a security.txt line comes from, to point at the right line. */
const sourceField: Record<string, readonly string[]> = {
  Contact: ['security', 'contact'],
  Encryption: ['security', 'encryption'],
  Canonical: ['sites', 'public'],
  Policy: ['security', 'disclosurePolicy'],
  'Preferred-Languages': ['security', 'preferredLanguages'],
};

export const securityTxtValid: Rule = {
  id: 'settings/security-txt',
  description: 'The trust center\'s /.well-known/security.txt, made from the settings, is valid under RFC 9116.',
  check({ model, today, report }) {
    const settings = model.settings;
    if (!settings) return;
    for (const problem of validateSecurityTxt(securityTxt({ publicUrl: settings.sites.public, security: settings.security }, today), today)) {
      const field = sourceField[problem.field] ?? ['security'];
      const at = model.locateSetting(field);
      report({
        rule: this.id,
        severity: 'error',
        file: model.settingsFile,
        line: at?.line ?? null,
        column: at?.column ?? null,
        entity: 'settings',
        message: `The security.txt published on the trust center would be invalid: \`${problem.field}\` ${problem.message}`,
        hint: `Fix \`${field.join('.')}\` in the settings: RFC 9116 requires https URIs, a Contact and an Expires less than a year away.`,
      });
    }
  },
};
