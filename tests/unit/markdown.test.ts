/**
 * The one Markdown pipeline: what a policy's MDX may hold (and where the checks say it may not),
 * and that what reaches a page is sanitised whatever the checks let through.
 */
import { describe, expect, test } from 'vitest';
import { componentSpecs, inlineElements, markdownText, parseMarkdown } from '../../src/load/markdown.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderMarkdown } from '../../src/render/markdown.ts';
import { loadContent } from '../../src/load/loader.ts';
import { contentWith, projectRoot } from '../helpers/content.ts';

const problems = (text: string, flavour: 'markdown' | 'mdx') => parseMarkdown(text, flavour).problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule}`);
const html = (text: string, flavour: 'markdown' | 'mdx' = 'markdown') => renderMarkdown(text, { flavour }).html;

/** Every way of getting script into a page that a content author might try. */
const attacks = [
  '<script>alert(1)</script>',
  'Text <script>alert(1)</script> inline',
  '<img src=x onerror=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '<javascript:alert(1)>',
  '[ref][x]\n\n[x]: javascript:alert(1)',
  '![x](https://tracker.example/pixel.png)',
  '![x](javascript:alert(1))',
  '<style>body{display:none}</style>',
  '<!-- a comment that must not reach the page source -->',
  '<form action="https://evil.example"><input name=x></form>',
  '<details open ontoggle=alert(1)>x</details>',
];

describe('answers and notices (Markdown)', () => {
  test.each(attacks)('nothing of %j that could run, load or leak reaches the HTML', (attack) => {
    const out = html(`Before.\n\n${attack}\n\nAfter.`).toLowerCase();
    expect(out).not.toMatch(/<script|<iframe|<img|<svg|<style|<form|<input|<object|<embed/);
    expect(out).not.toMatch(/\son[a-z]+=/);
    expect(out).not.toMatch(/javascript:|vbscript:|data:/);
    expect(out).not.toContain('<!--');
    expect(out).toContain('before.');
    expect(out).toContain('after.');
  });

  test('the checks say where raw HTML, an unsafe link or an image was dropped, once per line', () => {
    expect(problems('Hi <b>there</b> <i>you</i>.\n\n[x](javascript:alert(1))\n\n![y](https://t.example/p.png)\n', 'markdown')).toEqual([
      '1:4 warning markdown/raw-html',
      '3:1 warning markdown/unsafe-link',
      '5:1 warning markdown/image',
    ]);
  });

  test('what Markdown is for still works: emphasis, links, lists, tables, code, footnotes', () => {
    const out = html('**Bold**, [site](https://example.com/?a=1&b=2), [page](/controls/a-8-24/), [mail](mailto:a@example.com).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`\n\nNote[^1].\n\n[^1]: The note.\n');
    expect(out).toContain('<strong>Bold</strong>');
    expect(out).toContain('<a href="https://example.com/?a=1&#x26;b=2">site</a>');
    expect(out).toContain('<a href="/controls/a-8-24/">page</a>');
    expect(out).toContain('<a href="mailto:a@example.com">mail</a>');
    expect(out).toContain('<li>two</li>');
    expect(out).toContain('<td>2</td>');
    expect(out).toContain('<code>code</code>');
    expect(out).toContain('id="fn-1"');
  });

  test('footnotes of two documents on one page never share an id', () => {
    const a = renderMarkdown('A[^1].\n\n[^1]: a', { idPrefix: 'first_' }).html;
    const b = renderMarkdown('B[^1].\n\n[^1]: b', { idPrefix: 'second_' }).html;
    const ids = [...`${a}${b}`.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('plain text for descriptions keeps the words and drops the markup', () => {
    expect(markdownText('**Yes**: see [our policy](https://example.com) and `TLS 1.2`.<script>x</script>')).toBe('Yes: see our policy and TLS 1.2.');
  });
});

describe('policies (MDX)', () => {
  test('imports, exports and expressions are errors at their line; a comment is allowed', () => {
    const body = [
      "import x from '../risks/r-1.yaml?raw'",
      "import secret from '/etc/passwd?raw'",
      '',
      'export const leak = process.env',
      '',
      '{/* a reviewer note */}',
      '',
      'The machine says {process.env.SECRET} and {x}.',
      '',
      '<Callout title={secret}>x</Callout>',
      '',
      '<Callout {...x}>y</Callout>',
    ].join('\n');
    expect(problems(body, 'mdx')).toEqual([
      '1:1 error mdx/import',
      '4:1 error mdx/import',
      '8:18 error mdx/expression',
      '8:43 error mdx/expression',
      '10:1 error mdx/expression',
      '12:1 error mdx/expression',
    ]);
    const out = html(body, 'mdx');
    expect(out).not.toMatch(/secret|process|import|reviewer/i);
  });

  test('only the components Trustbook provides are allowed, with the attributes they take', () => {
    expect(problems('<Chart />\n\n<Callout type="danger">x</Callout>\n\n<Callout colour="red">x</Callout>\n\n<Details>x</Details>\n\n<>x</>\n', 'mdx')).toEqual([
      '1:1 error mdx/component',
      '3:1 error mdx/attribute',
      '5:1 error mdx/attribute',
      '7:1 error mdx/attribute',
      '9:1 error mdx/component',
    ]);
  });

  test('an element or attribute named after a property every object has is judged like any other name', () => {
    expect(problems('<constructor a="1" />', 'mdx')).toEqual(['1:1 warning markdown/raw-html']);
    expect(problems('<toString />', 'mdx')).toEqual(['1:1 warning markdown/raw-html']);
    expect(problems('<Callout constructor="x">Hello</Callout>', 'mdx')).toEqual(['1:1 error mdx/attribute']);
    expect(problems('<__proto__ />', 'mdx')).toEqual(['1:1 warning markdown/raw-html']);
  });

  test('HTML elements are dropped with what they hold, with a warning; a few inline ones are kept', () => {
    const body = '<script>alert(1)</script>\n\n<iframe src="https://evil.example" />\n\n<div onclick="x">hidden</div>\n\nH<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <mark>this</mark><br />next\n';
    expect(problems(body, 'mdx')).toEqual(['1:1 warning markdown/raw-html', '3:1 warning markdown/raw-html', '5:1 warning markdown/raw-html']);
    const out = html(body, 'mdx');
    expect(out).not.toMatch(/script|iframe|alert|hidden|onclick/);
    expect(out).toContain('H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <mark>this</mark><br>next');
  });

  test('callouts and details render as plain, styled HTML', () => {
    expect(html('<Callout type="warning" title="Before you start">Read **this**.</Callout>\n\n<Details summary="Appendix">\n\nLong text.\n\n</Details>\n', 'mdx')).toBe(
      '<aside class="callout callout-warning"><p class="callout-title">Before you start</p>Read <strong>this</strong>.</aside>\n<details><summary>Appendix</summary><p>Long text.</p></details>',
    );
    expect(html('<Callout>Plain.</Callout>', 'mdx')).toContain('<p class="callout-title">Note</p>');
  });

  test('headings get ids that no element of the page uses, for the table of contents', () => {
    const { html: out, headings } = renderMarkdown('## Main\n\n## Purpose\n\n## Purpose\n\n### Toc title\n', { flavour: 'mdx', headingIds: true, reservedIds: ['main', 'toc-title'] });
    expect(headings.map((h) => `${h.depth} ${h.slug}`)).toEqual(['2 main-1', '2 purpose', '2 purpose-1', '3 toc-title-1']);
    expect(out).toContain('<h2 id="purpose-1">Purpose</h2>');
  });

  test('a syntax error is one diagnostic with its line, never a crash', () => {
    expect(problems('Fine.\n\nA stray <3 here.\n', 'mdx')).toEqual(['3:10 error load/mdx-syntax']);
    expect(renderMarkdown('a <3 b', { flavour: 'mdx' }).html).toBe('');
  });
});

describe('text that would keep the parser busy', () => {
  // The parser's time grows with the square of the delimiters in a paragraph: each of these took
  // from seconds to hours before it was refused.
  test.each([
    ['a run of asterisks', `Intro\n\n${'*'.repeat(50_000)}a${'*'.repeat(50_000)}`, 3],
    ['alternating emphasis', `${'a**'.repeat(30_000)}`, 1],
    ['open brackets', `# Title\n\n${'['.repeat(100_000)}`, 3],
    ['block quotes nested deep', `${'> '.repeat(50_000)}x`, 1],
    ['a list indented ever deeper', Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'), 41],
    ['many busy paragraphs', `${'*a'.repeat(240)}\n\n`.repeat(400), 167],
    ['a fence that is not one (a backtick in its info string)', `\`\`\`text\`\n${'*a'.repeat(32_000)}`, 2],
    ['a list nested deep with carriage returns alone', Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- a`).join('\r'), 41],
    ['thousands of setext headings', 'a\n=\n\n'.repeat(10_000), 1502],
    ['a block quote continued lazily for ever', '> a\nb\n'.repeat(20_000), 1],
    ['a very long text', 'Some words here.\n\n'.repeat(20_000), 1],
  ])('%s is refused at its line, unread', (_what, text, line) => {
    for (const flavour of ['markdown', 'mdx'] as const) {
      const parsed = parseMarkdown(text, flavour);
      expect(parsed.tree).toBeNull();
      expect(problems(text, flavour)).toEqual([`${line}:1 error markdown/too-complex`]);
    }
    expect(html(text)).toBe('');
  });

  test('long prose, deep but reasonable nesting and a few hundred symbols in fenced code are read as usual', () => {
    const prose = `${'The **quick** brown [fox](https://example.com) jumps. '.repeat(60)}\n\n`.repeat(40);
    const nested = `${'> '.repeat(30)}quoted\n\n${Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}`;
    const code = `\`\`\`\n${'*'.repeat(400)}\n\`\`\`\n`;
    for (const text of [prose, nested, code]) expect(problems(text, 'mdx')).toEqual([]);
    expect(html(code)).toContain('*'.repeat(400));
  });
});

test('docs/content-format.md lists every component a policy may use, with its attributes, and the inline elements', () => {
  const docs = readFileSync(path.join(projectRoot, 'docs', 'content-format.md'), 'utf8');
  const section = docs.slice(docs.indexOf('### What a policy may contain'), docs.indexOf('## Evidence'));
  for (const [name, spec] of Object.entries(componentSpecs)) {
    expect(section, name).toContain(`**\`<${name}>\`**`);
    for (const attribute of Object.keys(spec.attributes)) expect(section, `${name} ${attribute}`).toContain(`\`${attribute}\``);
  }
  for (const element of inlineElements) expect(section).toContain(`\`<${element}>\``);
});

describe('policy files', () => {
  const policy = (front: string, body = '## Purpose\n\nText.\n') => `---\nid: p\ntitle: T\nversion: "1"\nowner: ada-lovelace\napprover: alan-turing\napproved: 2026-01-01\neffective: 2026-01-01\nnextReview: 2027-01-01\n${front}---\n${body}`;

  test('front matter ends at a line that is `---` and nothing else, as every reader of the file agrees', () => {
    const dir = contentWith({ 'policies/p.mdx': policy('summary: Terms of sale ---\nvisibility: public\n') });
    const loaded = loadContent(dir);
    expect(loaded.diagnostics).toEqual([]);
    const p = loaded.entries.policies.find((e) => e.id === 'p')!;
    expect(p.data.summary).toBe('Terms of sale ---');
    expect(p.data.visibility).toBe('public');
    expect(p.body).toBe('## Purpose\n\nText.\n');
  });

  test('a problem in the text is reported at its line in the file', () => {
    const dir = contentWith({ 'policies/p.mdx': policy('', '## Purpose\n\nSee {process.env.HOME}.\n') });
    expect(loadContent(dir).diagnostics.map((d) => `${d.rule} ${d.line}:${d.column}`)).toEqual(['mdx/expression 13:5']);
  });

  test('policies in sub-folders and with an upper-case extension are read like any other', () => {
    const dir = contentWith({ 'policies/hr/Leave.MDX': policy('').replace('id: p', 'id: leave'), 'policies/legal/terms.md': policy('').replace('id: p', 'id: terms') });
    const loaded = loadContent(dir);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.entries.policies.map((e) => e.id).sort()).toEqual(['information-security', 'leave', 'terms']);
  });
});
