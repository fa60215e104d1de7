/**
 * `trustbook check` and `trustbook build`. A thin entry: parse the arguments, then
 * load → link → check → report, and for `build` render both sites. Problems set
 * `process.exitCode`; nothing here throws at the user.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext } from '../context/context.ts';
import { format, formats, type Format } from '../diagnostics/format.ts';
import { listRules } from './list-rules.ts';
import { colourWanted, contentFolder, isRealDate } from './args.ts';
import type { Audience } from '../view/view.ts';
import { saveParseCache, useParseCache } from '../load/parse-cache.ts';
import { prestartAstro, stopPrestarted, type Prestarted } from './astro-prestart.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const USAGE = `Usage: trustbook <command> [options]

Commands
  check                 Check the ISMS content and report every problem.
  build                 Check, then build dist/internal/ and dist/public/.
  dev                   Serve a site while you edit the content, re-checking each edit.
  init DIR              Start a new content folder (a git repository) to fill in.
  import soa|subprocessors|policies FILE…
                        Read an SoA or a subprocessor list (.xlsx or .csv), or policies
                        (.docx or .md), into the content folder (docs/importing.md).
  answer FILE --out OUT Fill a customer's questionnaire (.xlsx or .csv) from the answer
                        library (docs/questionnaires.md).

Run \`trustbook <command> --help\` for the options of a command.
`;

const CHECK_USAGE = `Usage: trustbook check [options]

Check the ISMS content and report every problem, with file, line and a hint.

Options
  --content DIR         Content folder (default: $TRUSTBOOK_CONTENT or ./content)
  --today YYYY-MM-DD    Judge dates against this day (default: $TRUSTBOOK_TODAY,
                        else the content's pinned \`today\`, else the real date)
  --format FORMAT       pretty (default), json or github
  --strict              Fail on warnings too
  --published FILE      A trust.json as last published: every address it lists
                        must still be served
  --list-rules          List every rule and problem id, and exit
  -h, --help            Show this help
`;

const BUILD_USAGE = `Usage: trustbook build [options]

Check the content, then build the handbook (dist/internal/) and the trust center
(dist/public/). Nothing is written when the checks fail.

Options
  --content DIR         Content folder (default: $TRUSTBOOK_CONTENT or ./content)
  --today YYYY-MM-DD    Judge dates against this day (default: $TRUSTBOOK_TODAY,
                        else the content's pinned \`today\`, else the real date)
  --strict              Fail on warnings too
  --out DIR             Output folder (default: dist)
  --only SITE           Build just \`internal\` or \`public\`
  --published FILE      A trust.json as last published: every address it lists
                        must still be served (default: <out>/public/trust.json)
  -h, --help            Show this help
`;

/** The commands with a module of their own, loaded only when run. */
const commands: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  dev: async () => ({ run: (await import('./dev.ts')).devCommand }),
  init: async () => ({ run: (await import('./init.ts')).initCommand }),
  import: async () => ({ run: (await import('./import.ts')).importCommand }),
  answer: async () => ({ run: (await import('./answer.ts')).answerCommand }),
};

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || ((first === '--help' || first === '-h') && rest.length === 0)) {
    process.stdout.write(USAGE);
    return first === undefined ? 2 : 0;
  }
  if (Object.hasOwn(commands, first)) return (await commands[first]!()).run(rest);
  return checkOrBuild(argv);
}

async function checkOrBuild(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        today: { type: 'string' },
        format: { type: 'string', default: 'pretty' },
        strict: { type: 'boolean', default: false },
        out: { type: 'string', default: 'dist' },
        only: { type: 'string' },
        published: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        'list-rules': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usageError((error as Error).message, argv[0] === 'build' ? BUILD_USAGE : argv[0] === 'check' ? CHECK_USAGE : USAGE);
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help) {
    process.stdout.write(command === 'build' ? BUILD_USAGE : command === 'check' ? CHECK_USAGE : USAGE);
    return 0;
  }
  if (values['list-rules']) return command === undefined || (command === 'check' && !extra.length) ? listRules(values.format) : usageError('--list-rules goes with `check` alone.');
  if (command !== 'check' && command !== 'build') return usageError(command ? `Unknown command "${command}".` : 'Name a command.');
  const usage = command === 'build' ? BUILD_USAGE : CHECK_USAGE;
  if (extra.length) return usageError(`Unexpected argument "${extra[0]}".`, usage);
  if (!formats.includes(values.format as Format)) return usageError(`Unknown format "${values.format}"; use ${formats.join(', ')}.`, usage);
  if (values.only !== undefined && values.only !== 'internal' && values.only !== 'public') return usageError(`--only takes \`internal\` or \`public\`, not "${values.only}".`, usage);
  const today = values.today ?? (process.env.TRUSTBOOK_TODAY || undefined);
  if (today !== undefined && !isRealDate(today)) return usageError(`${values.today !== undefined ? '--today' : 'TRUSTBOOK_TODAY'} must be a real date written YYYY-MM-DD, not "${today}".`, usage);
  const content = contentFolder(values.content);

  // What the trust center last published must stay reachable: the file given, or for a build the one it is about to replace.
  const published =
    values.published !== undefined
      ? { file: path.resolve(values.published), required: true }
      : command === 'build'
        ? { file: path.join(path.resolve(values.out), 'public', 'trust.json'), required: false }
        : undefined;
  // Astro loads in the build's own processes while the content is read and checked here.
  const prestarted = command === 'build' ? prestartAstro(values.only ? [values.only as Audience] : ['internal', 'public']) : undefined;
  try {
    return await checkAndRun(command, values, { content, today, published, prestarted });
  } finally {
    stopPrestarted(prestarted);
  }
}

async function checkAndRun(
  command: 'check' | 'build',
  values: { format: string; strict: boolean; out: string; only?: string | undefined },
  { content, today, published, prestarted }: { content: string; today: string | undefined; published: { file: string; required: boolean } | undefined; prestarted: Prestarted | undefined },
): Promise<number> {
  // Texts read by an earlier run are not parsed again: what parsing them came to is in the cache.
  useParseCache(projectRoot, content);
  const result = createContext({ content, today, published });
  saveParseCache();
  const { errors, warnings } = result.summary;
  const failed = errors > 0 || (values.strict && warnings > 0);

  if (command === 'check') {
    process.stdout.write(format(values.format as Format, result.diagnostics, result.summary, colourWanted(process.stdout)));
    return failed ? 1 : 0;
  }

  // build: the report goes to stderr so that the build log stays readable, and a failed check writes nothing.
  if (result.diagnostics.length || failed) process.stderr.write(format('pretty', result.diagnostics, result.summary, colourWanted(process.stderr)));
  if (failed) {
    process.stderr.write(`\nBuild stopped: fix the ${errors > 0 ? 'errors' : 'warnings (--strict)'} above. Nothing was written.\n`);
    return 1;
  }
  // Imported only here: `check` never loads Astro, Satori, resvg or Pagefind.
  const { buildSites } = await import('./build.ts');
  return buildSites({ context: result, out: path.resolve(values.out), audiences: values.only ? [values.only as Audience] : ['internal', 'public'], colour: colourWanted(process.stderr), prestarted });
}

function usageError(message: string, usage = USAGE): number {
  process.stderr.write(`${message}\n\n${usage}`);
  return 2;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
