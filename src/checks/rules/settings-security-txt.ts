import { securityTxt, validateSecurityTxt } from '../../model/security-txt.ts';
import { problem } from '../../diagnostics/catalogue.ts';
import { describeUnread, type Rule } from '../rule.ts';

/** Settings fields a security.txt line comes from, to point at the right line. */
const sourceField: ReadonlyMap<string, readonly string[]> = new Map([
  ['Contact', ['security', 'contact']],
  ['Encryption', ['security', 'encryption']],
  ['Canonical', ['sites', 'public']],
  ['Policy', ['security', 'disclosurePolicy']],
  ['Preferred-Languages', ['security', 'preferredLanguages']],
]);

export const settingsSecurityTxt: Rule<'settings/security-txt'> = {
  id: 'settings/security-txt',
  check({ model, today, report, notChecked }) {
    const settings = model.settings;
    if (!settings) {
      if (model.settingsUnread) notChecked({ what: 'the security.txt made from the settings', why: describeUnread([model.settingsUnread]), files: [model.settingsUnread.file] });
      return;
    }
    for (const found of validateSecurityTxt(securityTxt({ publicUrl: settings.sites.public, security: settings.security }, today), today)) {
      const field = sourceField.get(found.field) ?? ['security'];
      const at = model.locateSetting(field);
      report(
        problem(
          this.id,
          { file: model.settingsFile, line: at?.line ?? null, column: at?.column ?? null, entity: 'settings', subject: { collection: 'settings', id: 'settings', field: field.join('.') } },
          `The security.txt published on the trust center would be invalid: \`${found.field}\` ${found.message}`,
          { hint: `Fix \`${field.join('.')}\` in the settings: RFC 9116 requires https URIs, a Contact and an Expires less than a year away.` },
        ),
      );
    }
  },
};
