/** The claim shape fixed by ../shared/contract.md; extra fields are allowed. */
export type Hedge = 'approximately' | 'up to' | 'at least' | 'more than' | 'nearly';
export type Status = 'reported' | 'projected' | 'confirmed' | 'denied' | 'unverified';
/**
 * The part a figure plays (an extra field the contract allows, labelled in the gold sets): the
 * claimant's figure now, what it was before ("up from 388"), or what was added ("3,000 more").
 */
export type FigureRole = 'current' | 'past' | 'increment';

export interface Claim {
  sentence: string;
  low: number | null;
  high: number | null;
  hedge: Hedge | null;
  unit: string | null;
  topic: string | null;
  status: Status;
  claimant: string | null;
  via: string | null;
  /** The person who spoke, when the claimant is the body they speak for (an extra field the contract allows). */
  speaker: string | null;
  outlet: string | null;
  date: string | null;
  /** Character offset of the figure (or statement) in the body, for text order. */
  offset: number;
  /** The figure as written, e.g. "11,000-12,000". Null for statements. */
  figureText: string | null;
  role: FigureRole;
  /**
   * Why a figure is beside the story ("an age", "the size of a group"), or null: kept and shown
   * by /claim, but never a headline, an alert or a claimant's latest.
   */
  aside: string | null;
}

export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  date: string | null;
  url: string | null;
  lang: string | null;
}

export interface Article {
  meta: ArticleMeta;
  body: string;
}

export type EntityKind = 'agency' | 'government' | 'person' | 'outlet';

/** One body a person spoke for, and when. */
export interface EntityRole {
  body: string;
  from?: string;
  to?: string;
}

export interface EntityDef {
  name: string;
  kind: EntityKind;
  aliases: string[];
  /**
   * The organisation a person speaks for: their claims are credited to it. Roles change: a list
   * gives each body with the dates it held (YYYY-MM-DD, either end open), and a claim uses the
   * role in force on its article's date.
   */
  for?: string | EntityRole[];
  /** "lawmaker": someone who relays what an agency briefed. */
  role?: string;
}

export interface TopicDef {
  /** The id claims are filed under. */
  key: string;
  /** The server that defined it by command ('' the console); none for the files' topics. */
  scope?: string;
  /** What moderators type for a topic defined by command; its id adds the server. */
  name?: string;
  /** The story it belongs to ("Derna floods"): topics are listed by story. */
  story?: string;
  /** Who last defined a topic by command, and when (ISO): answers show it. */
  changed?: { by: string; at: string };
  label: string;
  command?: string;
  /** Nouns that, as what a figure counts, put it in this topic. */
  units: string[];
  /** Words that put a figure-less statement in this topic. */
  words: string[];
  /**
   * What the story is about ("Derna", "North Korean", "earthquake"). When given, a figure files
   * here only if its sentence, or its article's title or other figures, names one: a quake's
   * death toll is not a casualty of the war, though both count deaths.
   */
  subjects?: string[];
  /** Phrases just before a figure that take it out of the topic (a whole army's size). */
  exclude?: string[];
  /**
   * What a figure measures, by label, with the units that count it: "soldiers" and "troops" are
   * one measure, "brigades" another, so deltas and ranges never compare unlike things.
   * The first label is the topic's headline measure.
   */
  measures?: Record<string, string[]>;
}

export interface Lexicon {
  entities: EntityDef[];
  topics: TopicDef[];
}

/** A span of text with absolute offsets into the article body. */
export interface Span {
  start: number;
  end: number;
  text: string;
}
