/**
 * How often a cron expression with a seconds field (node-cron's six-field form) fires within a
 * minute. A poll every second would hammer every feed and Discord alike, so ALERT_CRON is held
 * to one tick per 30 s at most; five-field expressions fire once a minute at most and always pass.
 */

/** The seconds of a minute the field names: `*`, `n`, `a-b`, `*\/n`, `a-b/n` and lists of them. */
function secondsOf(field: string): number[] | null {
  const seconds = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!match) return null; // a form we do not read: let cron.validate have the last word
    const [from, to] = match[1] === '*' ? [0, 59] : match[1]!.split('-').map(Number);
    const step = match[2] ? Number(match[2]) : 1;
    const end = match[1]!.includes('-') || match[1] === '*' || match[2] ? (to ?? 59) : from!;
    for (let s = from!; s <= end && step > 0; s += step) seconds.add(s);
  }
  return [...seconds].sort((a, b) => a - b);
}

/** The shortest time between two firings in seconds, or null when it is a minute or more. */
export function shortestGapSeconds(expression: string): number | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) return null;
  const seconds = secondsOf(fields[0]!);
  if (!seconds || seconds.length < 2) return null;
  const gaps = seconds.map((s, i) => (i === 0 ? s + 60 - seconds[seconds.length - 1]! : s - seconds[i - 1]!));
  return Math.min(...gaps);
}

export const FASTEST_TICK_SECONDS = 30;
