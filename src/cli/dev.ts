/**
 * `trustbook dev`: Astro's dev server on one site of a content folder. Every edit of the content
 * is read and checked again, and what the checks find shows in the terminal and on every page
 * (see the integration). Search is built only by `trustbook build`.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { contentFolder, isRealDate } from './args.ts';

const USAGE = `Usage: trustbook dev [options]

Serve a site of the content while you edit it. Each edit is checked again: the
terminal prints the report, and a bar on every page says what the checks find.

Options
  --content DIR         Content folder (default: $TRUSTBOOK_CONTENT or ./content)
  --today YYYY-MM-DD    Judge dates against this day (default: $TRUSTBOOK_TODAY,
                        else the content's pinned \`today\`, else the real date)
  --site SITE           \`internal\` (the handbook) or \`public\` (default:
                        $TRUSTBOOK_AUDIENCE, else internal)
  --port PORT           Port to listen on (default: 4321, or the next free one)
  --host HOST           Address to listen on (default: localhost only)
  -h, --help            Show this help
`;

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function devCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        content: { type: 'string' },
        today: { type: 'string' },
        site: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const site = values.site ?? (process.env.TRUSTBOOK_AUDIENCE || 'internal');
  if (site !== 'internal' && site !== 'public') return usage(`--site takes \`internal\` or \`public\`, not "${site}".`);
  const today = values.today ?? (process.env.TRUSTBOOK_TODAY || undefined);
  if (today !== undefined && !isRealDate(today)) return usage(`${values.today !== undefined ? '--today' : 'TRUSTBOOK_TODAY'} must be a real date written YYYY-MM-DD, not "${today}".`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) return usage(`--port takes a port number, not "${values.port}".`);

  // The site's modules read these when the server loads them: set before Astro starts.
  process.env.TRUSTBOOK_CONTENT = contentFolder(values.content);
  process.env.TRUSTBOOK_AUDIENCE = site;
  if (today) process.env.TRUSTBOOK_TODAY = today;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { dev } = await import('astro');
  const server = await dev({ root: projectRoot, server: { ...(port ? { port } : {}), ...(values.host ? { host: values.host } : {}) } });
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, resolve);
  });
  await server.stop();
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}`);
  return 2;
}
