import type { TopicDef } from '../extract/index.js';
import { CLAIM_INTS, CLAIM_STRINGS, type ClaimColumns, type ColumnClaim } from '../store/claim-columns.js';
import type { ClaimRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Figure, IndexedClaim } from './records.js';

const WIDTH = CLAIM_INTS.length;

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
    CLAIM_STRINGS.forEach((field, k) => {
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

/**
 * Each saved claim in its saved order, with its figure's number. One record is filled for every
 * claim in turn (a million short-lived copies were most of boot's garbage), so `visit` must copy
 * what it keeps.
 */
export function eachSavedClaim(
  { strings, fields, figures, claims }: ClaimColumns,
  visit: (record: ColumnClaim, figure: number) => void,
): void {
  const text = (n: number) => (n < 0 ? null : strings[n]!);
  const record: ColumnClaim = {
    id: 0,
    articleId: 0,
    position: 0,
    hedge: null,
    unit: null,
    topic: null,
    status: 'reported',
    claimant: null,
    via: null,
    speaker: null,
    figureText: null,
    role: 'current',
    aside: null,
    wrong: false,
    low: null,
    high: null,
  };
  for (let i = 0; i < claims; i++) {
    const at = i * WIDTH;
    const low = figures[i * 2]!;
    const high = figures[i * 2 + 1]!;
    record.id = fields[at]!;
    record.articleId = fields[at + 1]!;
    record.position = fields[at + 2]!;
    record.hedge = text(fields[at + 3]!) as ColumnClaim['hedge'];
    record.unit = text(fields[at + 4]!);
    record.topic = text(fields[at + 5]!);
    record.status = text(fields[at + 6]!) as ColumnClaim['status'];
    record.claimant = text(fields[at + 7]!);
    record.via = text(fields[at + 8]!);
    record.speaker = text(fields[at + 9]!);
    record.figureText = text(fields[at + 10]!);
    record.role = text(fields[at + 11]!) as ColumnClaim['role'];
    record.aside = text(fields[at + 12]!);
    record.wrong = fields[at + 13] === 1;
    record.low = Number.isNaN(low) ? null : low;
    record.high = Number.isNaN(high) ? null : high;
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
