/**
 * Which earlier body a definite description stands for: "the ministry" after "Libya's health
 * ministry", "the utility" after "Hawaiian Electric", "the agency" after an authority. A body fits
 * when its own name or description has the noun, or a noun of the same kind; when two different
 * bodies named equally recently both fit, the description names neither.
 */

/** Nouns a later mention may use for the same kind of body: AFAD, an authority, is "the agency". */
const SAME_KIND = [
  ['agency', 'authority', 'service', 'office', 'administration', 'bureau', 'directorate', 'survey'],
  ['group', 'organisation', 'organization', 'association', 'charity', 'network', 'foundation'],
  ['union', 'federation', 'confederation'],
  [
    'company',
    'firm',
    'utility',
    'operator',
    'corporation',
    'carrier',
    'airline',
    'insurer',
    'manufacturer',
    'producer',
  ],
];

/** The nouns that may stand for a body a description calls `head`. */
export const headsOfKind = (head: string): readonly string[] => SAME_KIND.find((kind) => kind.includes(head)) ?? [head];

/**
 * The last word of a company's name, which tells a company from a person or a place with no
 * "Company" in it: "Hawaiian Electric", "Northwind Mining", "Acme Corp".
 */
export const COMPANY_NAME_ENDS = new Set(
  `electric energy power airlines airways motors mining petroleum oil gas telecom inc corp corporation co ltd llc
  plc holdings industries utilities railways pharmaceuticals chemicals steel`
    .trim()
    .split(/\s+/),
);

export interface Candidate<T> {
  known: T;
  /** The sentence it was last named in. */
  seen: number;
}

/**
 * The newest of `candidates` (oldest first) that `fits`, unless another body that fits was
 * named in the same sentence: "the health ministry and the interior ministry ... the ministry".
 */
export function nearestFitting<T>(candidates: readonly Candidate<T>[], fits: (known: T) => boolean): T | undefined {
  const fitting = candidates.filter((c) => fits(c.known));
  const nearest = fitting.at(-1);
  if (!nearest) return undefined;
  const rival = fitting.find((c) => c !== nearest && c.seen === nearest.seen);
  return rival ? undefined : nearest.known;
}
