/** Date arithmetic on `YYYY-MM-DD` strings, in UTC so that results never depend on the machine's time zone. */
const DAY = 86_400_000;

const toTime = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toTime(to) - toTime(from)) / DAY);

export const addDays = (date: string, days: number): string => new Date(toTime(date) + days * DAY).toISOString().slice(0, 10);

export const addMonths = (date: string, months: number): string => {
  const d = new Date(toTime(date));
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** Today's date in UTC. */
export const currentDate = (): string => new Date().toISOString().slice(0, 10);

/** Days a warning looks ahead for evidence and policy reviews. */
export const DUE_SOON_DAYS = 30;
/** Days a warning looks ahead for certificate expiry. */
export const CERTIFICATE_WARNING_DAYS = 90;
