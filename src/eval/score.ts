/** Scoring extracted claims against hand-labelled gold: pure, shared by `npm run eval` and tests. */

export interface GoldClaim {
  sentence: string;
  low: number | null;
  high: number | null;
  hedge: string | null;
  unit?: string | null;
  topic?: string | null;
  status: string;
  claimant: string | null;
  via?: string | null;
  /** current, past or increment: labelled in some gold sets only. */
  role?: string | null;
}

export interface Counts {
  gold: number;
  predicted: number;
  matched: number;
  hedge: number;
  status: number;
  claimant: number;
  via: number;
  topic: number;
  /** Matched claims whose gold labels a role, and how many of those the extractor read right. */
  roled: number;
  role: number;
}

export interface Scores {
  recall: number;
  precision: number;
  f1: number;
  hedge: number;
  status: number;
  claimant: number;
  via: number;
  topic: number;
  role: number;
}

/** Case and punctuation folded away, for comparing sentences cut differently. */
export const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Sentences agree when one contains the other once punctuation and case are folded. */
export function sameSentence(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (!x || !y) return false;
  if (x === y || x.includes(y) || y.includes(x)) return true;
  const xs = new Set(x.split(' '));
  const ys = y.split(' ');
  const shared = ys.filter((w) => xs.has(w)).length;
  return shared / Math.max(xs.size, ys.length) >= 0.8;
}

export const emptyCounts = (): Counts => ({
  gold: 0,
  predicted: 0,
  matched: 0,
  hedge: 0,
  status: 0,
  claimant: 0,
  via: 0,
  topic: 0,
  roled: 0,
  role: 0,
});

/** Whether a predicted name names the gold's body: exact by default, or through a story's aliases. */
export type SameName = (predicted: string | null, gold: string | null) => boolean;

const exactName: SameName = (predicted, gold) => (predicted ?? null) === (gold ?? null);

/** Figure claims match one to one when the sentence and the low/high figure agree. */
export function countMatches(gold: GoldClaim[], predicted: GoldClaim[], sameName: SameName = exactName): Counts {
  const goldFigures = gold.filter((g) => g.low !== null);
  const predictedFigures = predicted.filter((p) => p.low !== null);
  const counts: Counts = { ...emptyCounts(), gold: goldFigures.length, predicted: predictedFigures.length };
  const used = new Set<number>();
  for (const g of goldFigures) {
    const index = predictedFigures.findIndex(
      (p, i) => !used.has(i) && p.low === g.low && p.high === g.high && sameSentence(p.sentence, g.sentence),
    );
    if (index < 0) continue;
    used.add(index);
    const p = predictedFigures[index]!;
    counts.matched++;
    if ((p.hedge ?? null) === (g.hedge ?? null)) counts.hedge++;
    if (p.status === g.status) counts.status++;
    if (sameName(p.claimant ?? null, g.claimant ?? null)) counts.claimant++;
    if (sameName(p.via ?? null, g.via ?? null)) counts.via++;
    if ((p.topic ?? null) === (g.topic ?? null)) counts.topic++;
    if (g.role) {
      counts.roled++;
      if ((p.role ?? 'current') === g.role) counts.role++;
    }
  }
  return counts;
}

export function addCounts(a: Counts, b: Counts): Counts {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as Array<keyof Counts>) sum[key] = a[key] + b[key];
  return sum;
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export function scores(c: Counts): Scores {
  const recall = ratio(c.matched, c.gold);
  const precision = ratio(c.matched, c.predicted);
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return {
    recall,
    precision,
    f1,
    hedge: ratio(c.hedge, c.matched),
    status: ratio(c.status, c.matched),
    claimant: ratio(c.claimant, c.matched),
    via: ratio(c.via, c.matched),
    topic: ratio(c.topic, c.matched),
    role: ratio(c.role, c.roled),
  };
}
