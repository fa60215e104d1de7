import path from 'node:path';

/** A path as the user would type it: relative to the working directory when inside it, with forward slashes. */
export function displayPath(absPath: string): string {
  const relative = path.relative(process.cwd(), absPath);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absPath;
  return shown.split(path.sep).join('/');
}
