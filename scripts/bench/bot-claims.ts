/**
 * Realistic, varied claims for the bot bench, made directly rather than through the extractor
 * (which would take an hour for a million). Shapes follow what the extractor stores: canonical
 * claimant and via names, units as written, denials and no-evidence statements without figures.
 */
import type { EntityDef, Hedge, Lexicon, Status, TopicDef } from '../../src/extract/index.js';
import type { ClaimRecord } from '../../src/store/records.js';
import * as W from './bot-words.js';
import { pick, type Rng, shuffled, zipf } from './bot-words.js';
import { Corpus } from './corpus.js';

/** The stored fields of a claim (src/store/records.ts), made up rather than extracted. */
export type MadeClaim = Omit<ClaimRecord, 'id' | 'articleId' | 'position'>;

/** What one article is about: most of its claims share its topic and main claimant. */
export interface ArticlePlan {
  topic: TopicDef;
  claimant: EntityDef;
  /** 0 at the story's start, 1 at its end: figures grow as the story does. */
  progress: number;
  outletName: string;
}

/** Round figures reporters repeat, per measure (topics.json labels), smallest first. */
const FIGURES: Record<string, number[]> = {
  troops: [
    500, 1500, 2000, 3000, 5000, 7000, 8000, 10000, 11000, 12000, 13000, 15000, 20000, 25000, 30000, 50000, 100000,
  ],
  brigades: [2, 3, 4, 5, 6],
  battalions: [3, 5, 6, 8, 10, 12],
  regiments: [2, 3, 4],
  divisions: [1, 2, 3],
  units: [5, 10, 20],
  workers: [1000, 2000, 5000, 6000, 10000, 20000],
  casualties: [100, 200, 500, 1000, 1200, 2000, 3000, 3800, 4000, 4700, 6000],
  deaths: [30, 50, 100, 200, 300, 400, 600, 1000],
  wounded: [100, 300, 1000, 2000, 2700],
  captured: [1, 2, 3, 5, 10],
  shells: [1000000, 1500000, 2000000, 3000000, 5000000, 8000000, 9000000, 12000000],
  missiles: [50, 100, 148, 200, 250],
  containers: [1000, 6700, 10000, 13000, 16000, 20000],
  'artillery systems': [50, 100, 120, 200, 250],
  weapons: [100, 1000],
};
/** Figures with no topic: the extractor keeps them, answers outside /search ignore them. */
const OFF_TOPIC: Array<[string, number[]]> = [
  ['barrels', [500000, 1000000]],
  ['tonnes', [1000, 5000, 20000]],
  ['kilometres', [10, 40, 50]],
  ['standing', [1200000]],
  ['vehicles', [20, 100, 300]],
];
const HEDGES: Array<[Hedge | null, string[]]> = [
  [null, ['']],
  ['approximately', ['about', 'around', 'roughly', 'some', 'approximately']],
  ['up to', ['up to', 'as many as']],
  ['at least', ['at least']],
  ['more than', ['more than', 'over', 'upwards of']],
  ['nearly', ['nearly', 'almost', 'close to']],
];
const HEDGE_WEIGHTS = [0.45, 0.25, 0.1, 0.08, 0.08, 0.04];
const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const DENIERS = [
  'Kremlin',
  'Dmitry Peskov',
  'North Korea',
  'Russian Foreign Ministry',
  'North Korean Foreign Ministry',
  'Kim Yo Jong',
  'Putin',
  'Russian Defence Ministry',
];
const DOUBTERS = [
  'Pentagon',
  'NATO',
  'White House',
  'United States',
  'Japan',
  'United Nations',
  'European Union',
  'ISW',
];
const SUFFIX: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (SUFFIX[n % 10] ?? 'th')}`;
const ORDINALS = Array.from({ length: 150 }, (_, i) => ordinal(i + 1));

const weighted = <T>(rng: Rng, items: readonly T[], weights: readonly number[]): T => {
  let x = rng();
  for (let i = 0; i < items.length - 1; i++) if ((x -= weights[i]!) < 0) return items[i]!;
  return items[items.length - 1]!;
};

/** "12,000" without Intl: a million calls to toLocaleString would dominate generation. */
const commas = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** One way of writing for both ends of a range: "one–2" reads wrong, "1–2" and "one to two" do not. */
function figureWriter(rng: Rng): (n: number) => string {
  const millions = rng() < 0.8;
  const words = rng() < 0.6;
  return (n) => (n >= 1000000 && millions ? `${n / 1000000} million` : n <= 10 && words ? SMALL[n]! : commas(n));
}

const byVia = (templates: string[]) => ({
  with: templates.filter((t) => t.includes('{via}')),
  without: templates.filter((t) => !t.includes('{via}')),
});

export class ClaimMaker {
  private readonly byName: Map<string, EntityDef>;
  private readonly claimant: (rng: Rng) => EntityDef;
  private readonly outlet: (rng: Rng) => EntityDef;
  private readonly topic: (rng: Rng) => TopicDef;
  private readonly village: (rng: Rng) => string;
  private readonly official: (rng: Rng) => string;
  private readonly corpus: Corpus;
  // A claim with a relay reads "according to Yonhap"; one without never names a relay.
  private readonly figures = byVia(W.FIGURE_TEMPLATES);
  private readonly statements = { denied: byVia(W.DENIAL_TEMPLATES), unverified: byVia(W.DOUBT_TEMPLATES) };

  constructor(
    private readonly lexicon: Lexicon,
    private readonly rng: Rng,
  ) {
    this.corpus = new Corpus(rng);
    this.byName = new Map([...lexicon.entities, ...this.corpus.claimants].map((e) => [e.name, e]));
    // Troops first in topics.json and most covered: about 55/27/18 over the three topics.
    this.topic = zipf(lexicon.topics, 1);
    // A person speaking for an organisation is credited to it, as the extractor does.
    // The lexicon's claimants lead; hundreds nobody configured make the long tail.
    this.claimant = zipf([...lexicon.entities.filter((e) => e.kind !== 'outlet' && !e.for), ...this.corpus.claimants]);
    // File order is roughly by reach; the generic names ("Ukrainian media") are rarer as outlets.
    const outlets = lexicon.entities.filter((e) => e.kind === 'outlet');
    const generic = (e: EntityDef) => e.name === 'Ukrainian media' || e.name === 'DailyBuzzReports';
    this.outlet = zipf([...outlets.filter((e) => !generic(e)), ...outlets.filter(generic)], 1.1);
    this.village = zipf(shuffled(rng, W.VILLAGES), 0.9);
    this.official = zipf(shuffled(rng, W.OFFICIALS), 0.8);
  }

  /** Claimants the lexicon does not list, as sentences name them. */
  extraClaimants(): string[] {
    return this.corpus.claimants.map((c) => c.name);
  }

  /** The outlet as a feed writes it (sometimes an alias), and its canonical name. */
  articleOutlet(): { written: string; name: string } {
    const outlet = this.outlet(this.rng);
    return { written: this.rng() < 0.2 ? pick(this.rng, outlet.aliases) : outlet.name, name: outlet.name };
  }

  plan(progress: number, outletName: string): ArticlePlan {
    return { topic: this.topic(this.rng), claimant: this.claimant(this.rng), progress, outletName };
  }

  claim(plan: ArticlePlan): MadeClaim {
    const rng = this.rng;
    const status = weighted<Status>(
      rng,
      ['reported', 'confirmed', 'projected', 'denied', 'unverified'],
      [0.72, 0.03, 0.11, 0.07, 0.07],
    );
    const offTopic = status !== 'denied' && status !== 'unverified' && rng() < 0.04;
    const topic = offTopic ? null : rng() < 0.8 ? plan.topic : pick(rng, this.lexicon.topics);
    const claimant = this.claimantFor(status, plan);
    // Relays: mostly wire agencies carried by other outlets ("according to Yonhap").
    const via = rng() < 0.2 ? this.outlet(rng).name : null;
    const relay = via && via !== plan.outletName ? via : null;
    const slots: Record<string, string> = {
      who: claimant
        ? pick(rng, claimant.aliases.length ? claimant.aliases : [claimant.name])
        : pick(rng, ['officials', 'a source familiar with the matter', 'military sources', 'local officials']),
      via: relay ? pick(rng, this.byName.get(relay)?.aliases ?? [relay]) : '',
      topic: pick(rng, W.SUBJECT[topic?.key ?? '']!),
    };
    const base = {
      topic: topic?.key ?? null,
      status,
      claimant: claimant?.name ?? null,
      via: relay,
      speaker: null,
      role: 'current' as const,
      aside: null,
      wrong: false,
    };
    if (status === 'denied' || status === 'unverified') {
      const template = pick(rng, this.statements[status][relay ? 'with' : 'without']);
      return {
        ...base,
        sentence: this.fill(template, slots),
        low: null,
        high: null,
        hedge: null,
        unit: null,
        figureText: null,
      };
    }
    const [unit, values] = topic ? this.unitOf(topic) : pick(rng, OFF_TOPIC);
    // Figures grow with the story; each claimant leans a step high or low.
    const lean = ((claimant?.name.length ?? 0) % 3) - 1;
    const at = Math.round(plan.progress * (values.length - 1) + lean + (rng() - 0.5) * 3);
    const i = Math.min(values.length - 1, Math.max(0, at));
    const low = values[i]!;
    const high = rng() < 0.15 && i + 1 < values.length ? values[i + 1]! : low;
    const [hedge, hedgeWords] = high === low ? weighted(rng, HEDGES, HEDGE_WEIGHTS) : HEDGES[0]!;
    const write = figureWriter(rng);
    const written = high === low ? write(low) : `${write(low)}${pick(rng, ['-', ' to ', '–'])}${write(high)}`;
    slots.fig = `${pick(rng, hedgeWords)} ${written}`.trim();
    slots.unit = unit;
    const template = pick(rng, this.figures[relay ? 'with' : 'without']);
    return { ...base, sentence: this.fill(template, slots), low, high, hedge, unit, figureText: written };
  }

  private claimantFor(status: Status, plan: ArticlePlan): EntityDef | null {
    const rng = this.rng;
    if (status === 'denied' && rng() < 0.8) return this.byName.get(pick(rng, DENIERS)) ?? null;
    if (status === 'unverified' && rng() < 0.8) return this.byName.get(pick(rng, DOUBTERS)) ?? null;
    const r = rng();
    return r < 0.08 ? null : r < 0.75 ? plan.claimant : this.claimant(rng);
  }

  /** The headline measure most of the time, another of the topic's measures otherwise. */
  private unitOf(topic: TopicDef): [string, number[]] {
    const measures = Object.entries(topic.measures ?? {});
    const [label, units] = this.rng() < 0.7 || measures.length < 2 ? measures[0]! : pick(this.rng, measures.slice(1));
    return [pick(this.rng, units), FIGURES[label] ?? [10, 100, 1000]];
  }

  private fill(template: string, slots: Record<string, string>): string {
    const rng = this.rng;
    const text = template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      if (slot in slots) return slots[slot]!;
      switch (slot) {
        case 'place':
        case 'place2':
          // The story's own places half the time, any of 80,000 towns otherwise.
          return rng() < 0.5 ? pick(rng, W.PLACES) : this.corpus.place(rng);
        case 'village':
        case 'village2':
          return this.village(rng);
        case 'official':
          return this.official(rng);
        case 'ordinal':
          return pick(rng, ORDINALS);
        case 'said':
          return pick(rng, W.SAID);
        case 'moved':
          return pick(rng, W.MOVED);
        case 'adj':
          return pick(rng, W.ADJ);
        case 'source':
          return pick(rng, W.SOURCES);
        case 'weapon':
          return pick(rng, W.WEAPONS);
        case 'formation':
          return pick(rng, W.FORMATIONS);
        case 'period':
          return pick(rng, W.PERIODS);
        case 'context':
          return pick(rng, W.CONTEXT);
        case 'role':
          return pick(rng, W.ROLES);
        case 'day':
          return pick(rng, W.DAYS);
        case 'month':
          return pick(rng, W.MONTHS);
        default:
          throw new Error(`bench template slot {${slot}} has no words`);
      }
    });
    // Most sentences go on past the figure, in the phrasing of real coverage.
    const sentence = rng() < 0.7 ? `${text.replace(/[.]$/, '')}, ${this.corpus.clause(rng)}.` : text;
    return sentence[0]!.toUpperCase() + sentence.slice(1);
  }
}
