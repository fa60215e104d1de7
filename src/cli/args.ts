/** What every command reads the same way from its command line and its terminal. */
import path from 'node:path';

/** A day written `YYYY-MM-DD` that exists in the calendar. */
export const isRealDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Colour when the stream is a terminal, unless NO_COLOR says otherwise or FORCE_COLOR insists. */
export function colourWanted(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR) return true;
  return Boolean(stream.isTTY);
}

/** The content folder a command works on: `--content`, else `$TRUSTBOOK_CONTENT`, else `./content`, as an absolute path. */
export const contentFolder = (given: string | undefined): string => path.resolve(given ?? (process.env.TRUSTBOOK_CONTENT || 'content'));
