/**
 * A trace of what a command does, for people finding out why a build is slow or what it read:
 * `TRUSTBOOK_DEBUG=1` (or a comma-separated list of topics, such as `context`) prints one line
 * per event on stderr. Off by default, and never part of a report.
 */
const topics = new Set((process.env.TRUSTBOOK_DEBUG ?? '').split(',').map((t) => t.trim()).filter(Boolean));

export function trace(topic: string, message: string): void {
  if (topics.has('1') || topics.has('*') || topics.has(topic)) process.stderr.write(`trustbook:${topic} ${message}\n`);
}
