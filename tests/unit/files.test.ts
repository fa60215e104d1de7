/**
 * The one door for files: nothing outside the content folder is read, whatever links or paths
 * the content holds, and nothing that is not a regular file is opened. Each case is a
 * diagnostic at the line that names the file — never a crash, never a hang, never the
 * target's contents in the message.
 */
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadContent } from '../../src/load/loader.ts';
import { displayPath } from '../../src/load/paths.ts';
import { compareDiagnostics } from '../../src/diagnostics/diagnostic.ts';
import { contentWith, fixture } from '../helpers/content.ts';
import { runCli } from '../helpers/cli.ts';

const SECRET = 'zqxoutside-secret-99';
/** A folder outside any content folder, holding a secret and a PDF. */
function outside(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustbook outside '));
  writeFileSync(path.join(dir, 'secret.txt'), `${SECRET}\n`);
  writeFileSync(path.join(dir, 'real.pdf'), `%PDF-1.7\n${SECRET}\n`);
  writeFileSync(path.join(dir, 'policy.mdx'), readFileSync(path.join(fixture('valid-minimal'), 'policies', 'information-security.mdx'), 'utf8').replace('id: information-security', 'id: smuggled').concat(`\n${SECRET}\n`));
  mkdirSync(path.join(dir, 'folder'));
  writeFileSync(path.join(dir, 'folder', 'cert.pdf'), `%PDF-1.7\n${SECRET}\n`);
  return dir;
}

const certification = (file: string) => `id: iso27001\nstandard: ISO/IEC 27001\nedition: "2022"\ncertificateNumber: IS 1\ncertificationBody: { name: Example }\naccreditationBody: { name: UKAS }\nscope: The ISMS.\nissued: 2025-03-01\nexpires: 2028-02-28\nsurveillanceAudits: [{ planned: 2026-02-10, done: 2026-02-11 }, { planned: 2027-02-10 }]\ncertificateFile: ${file}\nvisibility: public\n`;
const settingsWithLogo = (logo: string) => readFileSync(path.join(fixture('valid-minimal'), 'settings.yaml'), 'utf8').replace('contact:\n', `brand:\n  logo: ${logo}\ncontact:\n`);

/** `rule file:line message` of every load diagnostic, with paths relative to the content folder. */
function problems(dir: string): string[] {
  return loadContent(dir)
    .diagnostics.sort(compareDiagnostics)
    .map((d) => `${d.rule} ${path.relative(dir, path.resolve(d.file))}:${d.line} ${d.message}`);
}

describe('a file the content names (certificate, logo)', () => {
  test('a symbolic link to a file outside is refused at its line, naming the target but not its contents', () => {
    const away = outside();
    const dir = contentWith({ 'certifications/iso27001.yaml': certification('certs/iso.pdf') });
    mkdirSync(path.join(dir, 'certs'));
    symlinkSync(path.join(away, 'real.pdf'), path.join(dir, 'certs', 'iso.pdf'));
    const found = problems(dir);
    expect(found).toEqual([`files/outside-content certifications/iso27001.yaml:11 The certificate file \`certs/iso.pdf\` resolves to ${displayPath(path.join(away, 'real.pdf'))}, outside the content folder.`]);
    expect(found.join('\n')).not.toContain(SECRET);
    expect(loadContent(dir).entries.certifications[0]!.files).toEqual({});
  });

  test('a file in a symbolically linked folder that leads outside is refused', () => {
    const away = outside();
    const dir = contentWith({ 'certifications/iso27001.yaml': certification('certs/cert.pdf') });
    symlinkSync(path.join(away, 'folder'), path.join(dir, 'certs'));
    expect(problems(dir)).toEqual([`files/outside-content certifications/iso27001.yaml:11 The certificate file \`certs/cert.pdf\` resolves to ${displayPath(path.join(away, 'folder', 'cert.pdf'))}, outside the content folder.`]);
  });

  test('a path that climbs out of the content folder is refused; an absolute one is a schema error', () => {
    const dir = contentWith({ 'certifications/iso27001.yaml': certification('../../../../../../etc/passwd') });
    expect(problems(dir)).toEqual([`files/outside-content certifications/iso27001.yaml:11 The certificate file \`../../../../../../etc/passwd\` resolves to ${displayPath('/etc/passwd')}, outside the content folder.`]);
    const absolute = contentWith({ 'certifications/iso27001.yaml': certification('/etc/passwd') });
    expect(problems(absolute)).toEqual(['load/schema certifications/iso27001.yaml:11 Certification "iso27001" has an invalid `certificateFile`: `/etc/passwd` is an absolute path.']);
  });

  test('a link that stays inside the content folder is followed', () => {
    const dir = contentWith({ 'certifications/iso27001.yaml': certification('current.pdf'), 'archive/iso-2025.pdf': '%PDF-1.7\n' });
    symlinkSync(path.join('archive', 'iso-2025.pdf'), path.join(dir, 'current.pdf'));
    expect(problems(dir)).toEqual([]);
    expect(loadContent(dir).entries.certifications[0]!.files['certificateFile']).toMatchObject({ path: 'current.pdf', kind: 'pdf' });
  });

  test('a dangling link, a folder and a named pipe are each one diagnostic, and the check ends', () => {
    const dir = contentWith({ 'certifications/iso27001.yaml': certification('gone.pdf'), 'settings.yaml': settingsWithLogo('brand') });
    symlinkSync('nowhere.pdf', path.join(dir, 'gone.pdf'));
    mkdirSync(path.join(dir, 'brand'));
    expect(problems(dir)).toEqual([
      `files/dangling-link certifications/iso27001.yaml:11 The certificate file \`gone.pdf\` is a symbolic link to ${displayPath(path.join(dir, 'nowhere.pdf'))}, which does not exist.`,
      'files/not-a-file settings.yaml:8 The logo `brand` is a folder, not a file.',
    ]);
    const pipe = contentWith({ 'settings.yaml': settingsWithLogo('logo.svg') });
    execFileSync('mkfifo', [path.join(pipe, 'logo.svg')]);
    expect(problems(pipe)).toEqual(['files/not-a-file settings.yaml:8 The logo `logo.svg` is a named pipe, not a regular file.']);
  });

  test('a file is what its bytes say, not what its name says', () => {
    const dir = contentWith({ 'certifications/iso27001.yaml': certification('cert.pdf'), 'cert.pdf': '<html><script>alert(1)</script></html>', 'settings.yaml': settingsWithLogo('logo.png'), 'logo.png': '%PDF-1.7\n' });
    expect(problems(dir)).toEqual([
      'files/wrong-type certifications/iso27001.yaml:11 The certificate file `cert.pdf` is not a file of a known kind; `certificateFile` takes PDF.',
      'files/wrong-type settings.yaml:8 The logo `logo.png` is a PDF file; `brand.logo` takes SVG or PNG or JPEG.',
    ]);
  });
});

describe('the files of a collection', () => {
  test('a policy linked in from outside is not read, and says so', () => {
    const away = outside();
    const dir = contentWith({});
    symlinkSync(path.join(away, 'policy.mdx'), path.join(dir, 'policies', 'smuggled.mdx'));
    const loaded = loadContent(dir);
    expect(loaded.entries.policies.map((p) => p.id)).toEqual(['information-security']);
    expect(problems(dir)).toEqual([`files/outside-content policies/smuggled.mdx:null \`${displayPath(path.join(dir, 'policies', 'smuggled.mdx'))}\` resolves to ${displayPath(path.join(away, 'policy.mdx'))}, outside the content folder; it was not read.`]);
  });

  test('a collection folder linked in from outside is not read', () => {
    const away = outside();
    const dir = contentWith({});
    mkdirSync(path.join(away, 'risks'));
    writeFileSync(path.join(away, 'risks', 'r.yaml'), `id: r\ntitle: ${SECRET}\n`);
    symlinkSync(path.join(away, 'risks'), path.join(dir, 'risks-linked'));
    symlinkSync(path.join(away, 'risks'), path.join(dir, 'subprocessors', 'more'));
    expect(problems(dir).map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual(['files/outside-content subprocessors/more:null']);
    expect(JSON.stringify(loadContent(dir).entries)).not.toContain(SECRET);
  });

  test('links inside the content folder are followed once, so a loop ends', () => {
    const dir = contentWith({});
    symlinkSync('.', path.join(dir, 'people', 'again'));
    symlinkSync(path.join('..', 'people'), path.join(dir, 'people', 'loop'));
    const loaded = loadContent(dir);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.entries.people.map((p) => p.id).sort()).toEqual(['ada-lovelace', 'alan-turing']);
  });

  test('a dangling link, a named pipe and a huge file are skipped with a diagnostic each; the rest is read', () => {
    const dir = contentWith({ 'risks/huge.yaml': `# ${'x'.repeat(4 * 1024 * 1024)}\n` });
    symlinkSync('missing.yaml', path.join(dir, 'risks', 'dangling.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'risks', 'pipe.yaml')]);
    expect(problems(dir).map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual(['files/dangling-link risks/dangling.yaml:null', 'files/too-large risks/huge.yaml:null', 'files/not-a-file risks/pipe.yaml:null']);
    expect(loadContent(dir).entries.soa).toHaveLength(93);
  });

  test('a content folder reached through a link is read, and paths are shown through it', () => {
    const real = contentWith({});
    const parent = mkdtempSync(path.join(tmpdir(), 'trustbook link '));
    symlinkSync(real, path.join(parent, 'isms'));
    const loaded = loadContent(path.join(parent, 'isms'));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.entries.soa).toHaveLength(93);
  });
});

describe('the check command on hostile files', () => {
  test('an alias bomb, a named pipe and links out are diagnostics in the JSON, with every other problem, within seconds', async () => {
    const away = outside();
    const dir = contentWith({ 'risks/bomb.yaml': 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n' });
    execFileSync('mkfifo', [path.join(dir, 'people', 'x.yaml')]);
    symlinkSync(path.join(away, 'secret.txt'), path.join(dir, 'evidence', 'secret.yaml'));
    symlinkSync(away, path.join(dir, 'answers', 'elsewhere'));
    const { code, stdout, stderr } = await runCli(['check', '--content', dir, '--format', 'json'], {}, 10_000);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const rules = (JSON.parse(stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule).sort();
    expect(rules).toEqual(['files/not-a-file', 'files/outside-content', 'files/outside-content', 'load/yaml-aliases']);
    expect(stdout).not.toContain(SECRET);
  });
});
