/**
 * A CSV writer of our own, RFC 4180: fields with a comma, a quote or a line break are quoted and
 * their quotes doubled; records end in CRLF. It is a dozen lines, and an export needs more than
 * a library's one-shot stringify would give: it counts bytes record by record to stop within
 * Discord's attachment limit, and it defuses formulas in text cells only, never in numbers.
 */

export type Cell = string | number | null;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip before looking) as a formula, and an article's sentence or a feed's outlet name is text
 * anyone on the web wrote: "=HYPERLINK(...)" would become a live link, or worse, on a reporter's
 * machine. A leading apostrophe makes it text again (OWASP's advice); figures stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Excel reads a CSV without it as the machine's legacy code page, and names such as "Zelenskyy’s" break. */
export const UTF8_BOM = '\uFEFF';
