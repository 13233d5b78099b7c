const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD when the day exists (no 31 February), else null. */
function day(year: number, month: number, date: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, date));
  if (year < 1900 || year > 2999 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) return null;
  return `${year}-${pad(month)}-${pad(date)}`;
}

// RFC 3339 / ISO 8601: Atom, JSON Feed, dc:date.
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})/;
// RFC 822 as RSS writes it: "Fri, 18 Oct 2024 09:30:00 +0900", two-digit years included.
const RFC822 = /(?:^|[\s,])(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4}|\d{2})\b/;

/**
 * The calendar day a feed date names, as the publisher wrote it: "Sat, 19 Oct 2024 07:00 +0900" is
 * the 19th, the day on the article in Seoul, even though it is still the 18th in UTC.
 */
export function feedDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = ISO.exec(value);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const rfc = RFC822.exec(value);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
    const short = Number(rfc[3]);
    const year = rfc[3]!.length === 2 ? (short < 50 ? 2000 + short : 1900 + short) : short;
    return month > 0 ? day(year, month, Number(rfc[1])) : null;
  }
  // Anything else ("October 18, 2024"): Date reads a zone-less date as local midnight, so the
  // local getters give back the day that was written.
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : day(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate());
}
