/**
 * What every import shares once it has read its source: planning a file as the loader will read it,
 * checking that it would load, and matching the people a source names to the register (or adding them,
 * with what is to confirm said in the file).
 */
import { PLACEHOLDER_EMAIL_DOMAIN } from '../model/placeholders.ts';
import { PersonSchema } from '../model/schemas.ts';
import { parsePersonCell, slugify } from './normalise.ts';
import { importProblem, type ImportProblem, type Place } from './problems.ts';
import { findPerson, type Existing } from './existing.ts';
import { sameData, type PlannedFile } from './write.ts';

/** Who a new person is when the source gives a name without a role. */
export const PLACEHOLDER_ROLE = 'Control owner';

export type Schema = { safeParse: (v: unknown) => { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };

/** A planned file whose data is compared as the loader reads it, defaults applied. */
export function plan(file: string, data: Record<string, unknown>, schema: Schema, comment: string[], source: string, fieldComments: Record<string, string> = {}): PlannedFile {
  const normal = (v: unknown) => {
    const parsed = schema.safeParse(v);
    return parsed.success ? parsed.data : v;
  };
  return { path: file, data, comment, fieldComments, source, same: (a, b) => sameData(normal(a), normal(b)) };
}

/** Whether what the import would write loads; if not, says which field is wrong. */
export function validate(file: PlannedFile, schema: Schema, place: Place, problems: ImportProblem[], hint = 'Correct the value in the sheet.'): boolean {
  const parsed = schema.safeParse(file.data);
  if (parsed.success) return true;
  for (const issue of parsed.error.issues) {
    problems.push(importProblem('import/invalid-entity', place, `${file.path} would not load: \`${issue.path.map(String).join('.')}\`: ${issue.message}`, hint));
  }
  return false;
}

interface CreatedPerson {
  data: { id: string; name: string; role: string; email: string };
  source: string;
  written: string;
  roleGuessed: boolean;
  emailGuessed: boolean;
}

/** People as a source writes them (`Priya Shah (CISO)`, an email), matched to the people register or created in it. */
export class People {
  readonly created = new Map<string, CreatedPerson>();
  private readonly existing: Existing;
  constructor(existing: Existing) {
    this.existing = existing;
  }

  /** The id of the person `text` names; a new person is planned when the register has none. */
  resolve(text: string, source: string): string {
    const written = parsePersonCell(text);
    const known = findPerson(this.existing, written);
    if (known) return known.id;
    const id = slugify(written.email ? written.email.split('@')[0]! : written.name) || 'owner';
    if (!this.created.has(id)) {
      const name = written.email ? written.email.split('@')[0]!.split(/[._-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') : written.name;
      this.created.set(id, {
        data: { id, name, role: written.role ?? PLACEHOLDER_ROLE, email: written.email ?? `${id}@${PLACEHOLDER_EMAIL_DOMAIN}` },
        source,
        written: text,
        roleGuessed: !written.role,
        emailGuessed: !written.email,
      });
    }
    return id;
  }

  /** The planned file of each new person, saying what is to confirm. */
  files(place: Place, problems: ImportProblem[]): PlannedFile[] {
    const files: PlannedFile[] = [];
    for (const person of this.created.values()) {
      const confirm = [person.emailGuessed ? 'the email is a placeholder' : '', person.roleGuessed ? 'the role was not given' : ''].filter(Boolean).join(' and ') || 'name and role as read from the source';
      const planned = plan(`people/${person.data.id}.yaml`, person.data, PersonSchema, [`Imported from ${person.source}, where it is written "${person.written}".`, `To confirm: ${confirm}.`], person.source, {
        ...(person.emailGuessed ? { email: 'placeholder: enter the work email' } : {}),
        ...(person.roleGuessed ? { role: 'placeholder: enter the job title or ISMS role' } : {}),
      });
      if (validate(planned, PersonSchema, place, problems)) files.push(planned);
    }
    return files;
  }
}
