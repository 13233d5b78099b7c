import * as chrono from 'chrono-node';
import { normaliseText } from './text.js';
import type { Article, ArticleMeta } from './types.js';

export interface ArticleDefaults {
  outlet?: string | null;
  date?: string | null;
}

const HEADER_KEYS = new Set(['title', 'outlet', 'date', 'url', 'lang']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** A header is `key: value` lines closed by `---` within the first 20 lines (../shared/contract.md). */
function splitHeader(text: string): { header: Record<string, string>; body: string } | null {
  const lines = text.split('\n');
  const close = lines.slice(0, 20).findIndex((line) => line.trim() === '---');
  if (close < 0) return null;
  const header: Record<string, string> = {};
  for (const line of lines.slice(0, close)) {
    const match = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (match && HEADER_KEYS.has(match[1]!.toLowerCase())) header[match[1]!.toLowerCase()] = match[2]!;
  }
  return { header, body: lines.slice(close + 1).join('\n') };
}

/** A byline date near the top: "Oct 18, 2024", "date 2024-10-18", "18 October 2024". */
export function bylineDate(text: string): string | null {
  const top = text.split('\n').slice(0, 12).join('\n').slice(0, 1500);
  const iso = /\bdate:?\s*(\d{4}-\d{2}-\d{2})\b/i.exec(top) ?? /(?:^|\n)\W*(\d{4}-\d{2}-\d{2})\b/.exec(top);
  if (iso) return iso[1]!;
  for (const result of chrono.strict.parse(top)) {
    const c = result.start;
    if (c.isCertain('year') && c.isCertain('month') && c.isCertain('day')) return isoDay(c.date());
  }
  return null;
}

/** A short line at the top such as "- DailyBuzzReports" or "By Jane Doe | Korea Herald". */
function bylineOutlet(text: string): string | null {
  for (const line of text.split('\n').slice(0, 8)) {
    const match = /^\s*[-•–]\s+([A-Z][\w&.' -]{1,40})\s*$/.exec(line);
    if (!match) continue;
    const candidate = match[1]!.trim();
    if (/\d/.test(candidate) || /\bread\b/i.test(candidate) || chrono.parse(candidate).length > 0) continue;
    return candidate;
  }
  return null;
}

const validDate = (value: string | null | undefined): string | null =>
  value && ISO_DATE.test(value.trim()) ? value.trim() : null;

/** The body's first line when it reads as a headline: short, with no full stop at its end. */
export function headlineOf(body: string): string | null {
  const first = body.trimStart().split('\n', 1)[0]?.trim() ?? '';
  return first && !/[.!?]["”’]?$/.test(first) && first.split(/\s+/).length <= 20 ? first : null;
}

/** Header values win; then the caller's flags; then what a byline says. */
export function parseArticle(raw: string, defaults: ArticleDefaults = {}): Article {
  const text = normaliseText(raw);
  const split = splitHeader(text);
  const body = split ? split.body : text;
  const header = split?.header ?? {};
  const meta: ArticleMeta = {
    title: header.title || null,
    outlet: header.outlet || defaults.outlet || (split ? null : bylineOutlet(body)),
    date: validDate(header.date) ?? validDate(defaults.date) ?? (split ? null : bylineDate(body)),
    url: header.url || null,
    lang: header.lang || null,
  };
  return { meta, body };
}
