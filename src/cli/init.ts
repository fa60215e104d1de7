/**
 * `trustbook init DIR`: a new content folder to fill in, as a git repository of its own. It holds
 * settings with a comment on every line, one person (whoever runs it), the 93 SoA entries with
 * nothing decided yet, an example to copy in every other collection, and a README of next steps.
 * Nothing of the example organisation, and no pinned date: `check` on it is a short to-do list.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { annexAControls, themes } from '../model/catalog.ts';
import { collections, SETTINGS_FILE } from '../model/collections.ts';
import { slugOf } from '../model/anchors.ts';
import { PLACEHOLDER_DESCRIPTION_START, PLACEHOLDER_EMAIL_DOMAIN, PLACEHOLDER_TLD } from '../model/placeholders.ts';

const USAGE = `Usage: trustbook init DIR [options]

Start a new content folder in DIR (which must not exist, or be empty), as a git
repository: settings to fill in, you as its first person, the 93 SoA entries to
decide, an example in every other folder, and a README of next steps.

Options
  --name NAME           The organisation's name (default: the folder's name)
  --person NAME         Your name (default: git's user.name, else $USER)
  --email EMAIL         Your email (default: git's user.email)
  -h, --help            Show this help
`;

export async function initCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { name: { type: 'string' }, person: { type: 'string' }, email: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) return usage(positionals.length ? `Unexpected argument "${positionals[1]}".` : 'Name the folder to create.');
  const dir = path.resolve(positionals[0]!);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      process.stderr.write(`${positionals[0]} is a file. Give a new folder, or an empty one.\n`);
      return 1;
    }
    if (readdirSync(dir).length > 0) {
      process.stderr.write(`${positionals[0]} is not empty. Give a new folder, or an empty one: init writes nothing over your files.\n`);
      return 1;
    }
  }
  const you = whoRuns(values.person, values.email);
  const organisation = values.name ?? titleOf(path.basename(dir));
  const files = scaffold(organisation, you);
  // Everything is made in memory first: a folder is either written whole or not at all.
  try {
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
  } catch (error) {
    process.stderr.write(`${positionals[0]} could not be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Choose a folder you can write to.\n`);
    return 1;
  }
  const git = spawnSync('git', ['init', '-q'], { cwd: dir, stdio: 'ignore' });
  const shown = path.relative(process.cwd(), dir) || '.';
  process.stdout.write(
    `Created ${shown}/ for ${organisation}: settings, you (${you.id}), the 93 SoA entries to decide, and an example in every folder${git.status === 0 ? ', as a git repository' : ''}.\n\n` +
      `Next:\n  1. Fill in ${shown}/settings.yaml: your description, the sites' addresses, your contacts.\n  2. npx trustbook import soa SOA.xlsx --content ${shown}          # your SoA spreadsheet\n  3. npx trustbook import policies POLICIES/ --content ${shown}     # Word or Markdown policies\n  4. npx trustbook check --content ${shown}                        # what is left to do\n  5. npx trustbook build --content ${shown}\n\nThe steps are in ${shown}/README.md and docs/getting-started.md.\n`,
  );
  return 0;
}

interface Person {
  id: string;
  name: string;
  email: string;
}

/** The person running the command: from the options, else git's configuration, else the login name. */
function whoRuns(name: string | undefined, email: string | undefined): Person {
  const fromGit = (key: string) => {
    const result = spawnSync('git', ['config', '--get', key], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : '';
  };
  const full = name ?? (fromGit('user.name') || process.env.USER || 'Security Lead');
  const id = slugOf(full) || 'security-lead';
  return { id, name: full, email: email ?? (fromGit('user.email') || `${id}@${PLACEHOLDER_EMAIL_DOMAIN}`) };
}

const titleOf = (folder: string) => folder.replace(/[-_]+/g, ' ').replace(/\b(isms|trust|content)\b/gi, '').trim().replace(/\b\w/g, (c) => c.toUpperCase()) || 'Our Organisation';

/** Every file of a new content folder, by path. */
export function scaffold(organisation: string, you: Person): Record<string, string> {
  const host = slugOf(organisation) || 'example';
  const files: Record<string, string> = {};
  files[SETTINGS_FILE] = `# The organisation's settings. Every value below is a placeholder: replace it, then run
# \`npx trustbook check\`. docs/content-format.md#settings explains each field.
organisation:
  name: ${JSON.stringify(organisation)}
  # One or two sentences that introduce you on both sites.
  description: ${JSON.stringify(`${PLACEHOLDER_DESCRIPTION_START} one or two sentences that introduce ${organisation} to customers.`)}
sites:
  # Where the trust center will be deployed (https only): used in links, feeds and security.txt.
  public: https://trust.${host}.${PLACEHOLDER_TLD}
  # Where the handbook will be deployed, behind your single sign-on.
  internal: https://handbook.${host}.${PLACEHOLDER_TLD}
contact:
  # Where customers write about security reviews, NDAs and questionnaires.
  email: trust@${host}.${PLACEHOLDER_TLD}
security:
  # How to report a vulnerability (RFC 9116): a mailto: or https: address.
  contact: mailto:security@${host}.${PLACEHOLDER_TLD}
  # Your vulnerability disclosure policy.
  disclosurePolicy: https://${host}.${PLACEHOLDER_TLD}/security/disclosure
# No \`today:\` here: dates are judged against the real day, so that reviews and evidence fall due on time.
`;
  files[`${collections.people.folder}/${you.id}.yaml`] = `# You, the first person of the ISMS. Add one file per person who owns a control, a policy or evidence.\n${stringify({ id: you.id, name: you.name, role: 'Information security lead', email: you.email })}`;
  for (const control of annexAControls) {
    const theme = themes.find((t) => t.id === control.theme)!;
    files[`${collections.soa.folder}/${control.id}.yaml`] =
      `# ${control.id} ${control.title} (${theme.title.toLowerCase()})\n` +
      `# Decide: \`applicable: true\` with basis, status, owners and evidence, or \`applicable: false\`\n` +
      `# with a justification (docs/content-format.md#statement-of-applicability).\n` +
      `id: ${control.id}\n`;
  }
  for (const [name, example] of Object.entries(examples(you.id))) files[`${collections[name as keyof typeof collections].folder}/${example.file}`] = example.text;
  files['README.md'] = readme(organisation);
  return files;
}

/** One example per collection, written out in comments: nothing to delete before it counts, nothing it claims. */
function examples(owner: string): Record<string, { file: string; text: string }> {
  const commented = (intro: string, yaml: string) => `# ${intro}\n# Copy it to a file of its own ending in .yaml (.mdx for a policy), remove the \`# \` in front of each line, and fill it in.\n${yaml.trim().split('\n').map((l) => `# ${l}`).join('\n')}\n`;
  return {
    certifications: { file: 'example.yaml.txt', text: commented('A certification (docs/content-format.md#certifications).', `id: iso27001\nstandard: ISO/IEC 27001\nedition: "2022"\ncertificateNumber: IS 000000\ncertificationBody: { name: Your Certification Body Ltd }\naccreditationBody: { name: UKAS }\nscope: The information security management system supporting …\nissued: 2026-01-15\nexpires: 2029-01-14\nsurveillanceAudits:\n  - { planned: 2027-01-10 }\nvisibility: public`) },
    documents: { file: 'example.yaml.txt', text: commented('A document of the trust center\'s library (docs/content-format.md#documents).', `id: soc2-report\ntitle: SOC 2 Type II report\nkind: report\ndescription: The auditor's report on our controls, shared under NDA.\naccess: nda\nupdated: 2026-05-08`) },
    policies: { file: 'example.mdx.txt', text: commented('A policy, as policies/<id>.mdx (docs/content-format.md#policies).', `---\nid: information-security\ntitle: Information Security Policy\nversion: "1.0"\nowner: ${owner}\napprover: ${owner}\napproved: 2026-01-10\neffective: 2026-01-15\nnextReview: 2027-01-10\ncontrols: [A.5.1]\n---\n\n## Purpose\n\nWhat the policy is for, in a paragraph.`) },
    evidence: { file: 'example.yaml.txt', text: commented('An evidence item (docs/content-format.md#evidence).', `id: access-review-q1\ntitle: Quarterly access review, Q1\nkind: record\nlocation: https://tickets.example.com/SEC-123\ncollected: 2026-03-31\nmaxAgeDays: 100\nowner: ${owner}\ncontrols: [A.5.18]`) },
    controls: { file: 'example.yaml.txt', text: commented('An organisation control (docs/content-format.md#organisation-controls).', `id: IAM-01\ntitle: Single sign-on with MFA\ndescription: Every application is behind single sign-on with phishing-resistant MFA.\nowner: ${owner}\nannexA: [A.5.15, A.8.5]`) },
    risks: { file: 'example.yaml.txt', text: commented('A risk (docs/content-format.md#risks).', `id: r-1\ntitle: Account takeover\nasset: Production access\nthreat: Phishing of an engineer\nvulnerability: Password-only logins\nlikelihood: 4\nimpact: 5\ntreatment: mitigate\nresidual: { likelihood: 2, impact: 4 }\ncontrols: [A.5.15, A.8.5]\nowner: ${owner}`) },
    subprocessors: { file: 'example.yaml.txt', text: commented('A subprocessor (docs/content-format.md#subprocessors); `trustbook import subprocessors` reads a list.', `id: cloud\nname: Cloud Provider Inc.\npurpose: Hosting of the production platform\ndataCategories: [Customer data]\nlocation: EU (Ireland)\nwebsite: https://cloud.example.com\nsince: 2024-01-01\nvisibility: public`) },
    answers: { file: 'example.yaml.txt', text: commented('Questionnaire answers, one list per topic (docs/content-format.md#questionnaire-answers).', `- id: encryption-at-rest\n  topic: Encryption\n  question: Is customer data encrypted at rest?\n  answer: Yes. Customer data is encrypted at rest with AES-256.\n  controls: [A.8.24]\n  visibility: public`) },
    exceptions: { file: 'example.yaml.txt', text: commented('An exception: a known gap accepted until a date (docs/content-format.md#exceptions).', `id: access-review-q2\nrule: evidence/freshness\nsubject: { collection: evidence, id: access-review-q1 }\nreason: The review waits for the move to the new identity provider.\napprover: ${owner}\napproved: 2026-06-01\nexpires: 2026-07-31`) },
    updates: { file: 'example.yaml.txt', text: commented('A notice on the trust center (docs/content-format.md#updates).', `id: 2026-01-iso27001-certified\ndate: 2026-01-20\ntitle: We are certified to ISO/IEC 27001:2022\nkind: certificate-renewed\nbody: Our information security management system is certified to **ISO/IEC 27001:2022**.\nvisibility: public`) },
  };
}

function readme(organisation: string): string {
  return `# ${organisation} ISMS

This folder is ${organisation}'s information security management system, kept as files and published
by Trustbook as an internal handbook and a public trust center.

## Next steps

1. **Settings.** Replace the placeholders in \`settings.yaml\`.
2. **The SoA.** Each file in \`soa/\` names an Annex A control still to decide. Import your
   spreadsheet (\`npx trustbook import soa SOA.xlsx --content .\`) or decide each by hand.
   Policies in Word or Markdown: \`npx trustbook import policies FOLDER --content .\`.
3. **People.** Add one file per person in \`people/\` who owns a control, a policy or evidence.
4. **Policies, evidence, risks, certifications, subprocessors, answers.** Each folder has an example
   in comments to copy.
5. **Check** with \`npx trustbook check --content .\` until it passes, then **build** both sites with
   \`npx trustbook build --content .\`.

Nothing is public unless it says \`visibility: public\`.
`;
}

function usage(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}`);
  return 2;
}
