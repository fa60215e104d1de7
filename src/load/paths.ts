import path from 'node:path';

/** A path as the user would type it: relative to the working directory when inside it, with forward slashes. */
export function displayPath(absPath: string): string {
  const relative = path.relative(process.cwd(), absPath);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absPath;
  return shown.split(path.sep).join('/');
}

/**
 * A path inside the content folder as the handbook shows it: relative to the folder, with forward
 * slashes (`soa/A.8.24.yaml`), so that a page says the same wherever the folder is. A path outside
 * the folder is returned as given.
 */
export function contentPath(root: string, absPath: string): string {
  const relative = path.relative(root, absPath);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absPath;
}
