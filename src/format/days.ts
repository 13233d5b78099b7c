/** Days as a newsroom writes them. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ISO_DAY = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) it is at that moment in the zone. */
export function dayIn(moment: Date, timeZone: string): string {
  let format = ISO_DAY.get(timeZone);
  // One formatter per zone: building one is slow. Parts, not a locale's layout, which ICU changes.
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    ISO_DAY.set(timeZone, format);
  }
  const parts = format.formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const OFFSET = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's clock is ahead of UTC at that moment, in minutes (Seoul +540, New York -300 or -240). */
export function zoneOffsetMinutes(moment: Date, timeZone: string): number {
  let format = OFFSET.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    OFFSET.set(timeZone, format);
  }
  const name = format.formatToParts(moment).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const [, sign, hours, minutes] = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name) ?? [];
  if (!sign) return 0; // "GMT": UTC itself
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
}

/** "Oct 18, 2024": unambiguous in every newsroom, unlike 10/18. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${Number(date)}, ${year}`;
}

/** "May 1, 2025, 08:00 GMT+9": a moment in the server's zone (else ALERT_TZ), named, so nobody converts. */
export function formatMoment(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(iso));
}
