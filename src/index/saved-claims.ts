import type { TopicDef } from '../extract/index.js';
import { CLAIM_INTS, type ClaimColumns, type ColumnClaim } from '../store/claim-columns.js';
import type { ClaimRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Figure, IndexedClaim } from './records.js';

const WIDTH = CLAIM_INTS.length;
const STRING_FIELDS = [
  'hedge',
  'unit',
  'topic',
  'status',
  'claimant',
  'via',
  'speaker',
  'figureText',
  'role',
  'aside',
] as const;

/** The claims as columns to save, in the order given (the index's: by day, then id). */
export function columnsOf(claims: readonly IndexedClaim[], upto: number, measures: string): ClaimColumns {
  const strings: string[] = [];
  const numbered = new Map<string, number>();
  const number = (value: string | null) => {
    if (value === null) return -1;
    let n = numbered.get(value);
    if (n === undefined) numbered.set(value, (n = strings.push(value) - 1));
    return n;
  };
  const figureNumbers = new Map<Figure, number>();
  const fields = new Int32Array(claims.length * WIDTH);
  const figures = new Float64Array(claims.length * 2);
  claims.forEach((claim, i) => {
    const at = i * WIDTH;
    fields[at] = claim.id;
    fields[at + 1] = claim.articleId;
    fields[at + 2] = claim.position;
    STRING_FIELDS.forEach((field, k) => {
      fields[at + 3 + k] = number(claim[field]);
    });
    fields[at + 13] = claim.wrong ? 1 : 0;
    let figure = figureNumbers.get(claim.figure);
    if (figure === undefined) figureNumbers.set(claim.figure, (figure = figureNumbers.size));
    fields[at + 14] = figure;
    figures[i * 2] = claim.low ?? Number.NaN;
    figures[i * 2 + 1] = claim.high ?? Number.NaN;
  });
  return { upto, claims: claims.length, measures, strings, fields, figures };
}

/** Each saved claim in its saved order, with its figure's number; a record is used before the next is made. */
export function eachSavedClaim(
  { strings, fields, figures, claims }: ClaimColumns,
  visit: (record: ColumnClaim, figure: number) => void,
): void {
  const text = (n: number) => (n < 0 ? null : strings[n]!);
  for (let i = 0; i < claims; i++) {
    const at = i * WIDTH;
    const low = figures[i * 2]!;
    const high = figures[i * 2 + 1]!;
    const record: ColumnClaim = {
      id: fields[at]!,
      articleId: fields[at + 1]!,
      position: fields[at + 2]!,
      hedge: text(fields[at + 3]!) as ColumnClaim['hedge'],
      unit: text(fields[at + 4]!),
      topic: text(fields[at + 5]!),
      status: text(fields[at + 6]!) as ColumnClaim['status'],
      claimant: text(fields[at + 7]!),
      via: text(fields[at + 8]!),
      speaker: text(fields[at + 9]!),
      figureText: text(fields[at + 10]!),
      role: text(fields[at + 11]!) as ColumnClaim['role'],
      aside: text(fields[at + 12]!),
      wrong: fields[at + 13] === 1,
      low: Number.isNaN(low) ? null : low,
      high: Number.isNaN(high) ? null : high,
    };
    visit(record, fields[at + 14]!);
  }
}

/** What a claim's figure depends on beyond its own fields: the topics' measures. */
export const measuresKey = (topics: readonly TopicDef[]): string =>
  JSON.stringify(topics.map((t) => [t.key, t.measures ?? null]));

/**
 * The saved columns when they still add up to the store's claims, with the rows of the claims
 * changed since (those the columns hold stale) by id; null when there are none to trust.
 */
export function readSavedClaims(
  store: Store,
): { columns: ClaimColumns; changed: Map<number, ClaimRecord | null> } | null {
  const saved = store.claimColumns.load();
  if (!saved) return null;
  const { columns } = saved;
  const changed = new Map<number, ClaimRecord | null>();
  for (const id of saved.changed) if (id <= columns.upto) changed.set(id, null);
  for (const row of store.claimsWithIds([...changed.keys()])) changed.set(row.id, row);
  let gone = 0;
  for (const row of changed.values()) if (row === null) gone++;
  return columns.claims - gone === store.claimColumns.countUpTo(columns.upto) ? { columns, changed } : null;
}
