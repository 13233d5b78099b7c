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

/** "Oct 18, 2024": unambiguous in every newsroom, unlike 10/18. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${Number(date)}, ${year}`;
}
