import type { Status } from '../extract/index.js';
import type { ArticleRecord, ClaimRecord } from '../store/records.js';

/** Who may see an article: everyone (a default source carried it) or the servers that added it. */
export type Audience = 'everyone' | Set<string>;

export interface IndexedArticle extends ArticleRecord {
  /** The article's date, else the day it was ingested: what answers sort and filter by. */
  day: string;
  /** The outlet under its canonical name (data/entities.json), so "The Associated Press" is AP. */
  outletName: string | null;
  audience: Audience;
}

export interface IndexedClaim extends ClaimRecord {
  article: IndexedArticle;
  /** What the figure counts within its topic (topics.json measures): "troops", "brigades". */
  measure: string;
  figure: Figure;
}

/**
 * Statuses that answer the same question sit in one row of a topic summary. A confirmation with
 * no figure ("NATO confirmed the deployment") is a statement of its own, not a current figure.
 */
export type StatusGroup = 'current' | 'projected' | 'denied' | 'unverified' | 'confirmed';

export const statusGroup = (status: Status, low: number | null = 0): StatusGroup =>
  status === 'confirmed' && low === null
    ? 'confirmed'
    : status === 'reported' || status === 'confirmed'
      ? 'current'
      : status;

/** Groups whose claims are statements (no figure to compare): they alert once per topic and claimant. */
export const isStatementGroup = (group: StatusGroup): boolean =>
  group === 'denied' || group === 'unverified' || group === 'confirmed';

export const isVisible = (article: IndexedArticle, guildId: string | null): boolean =>
  article.audience === 'everyone' || (guildId !== null && article.audience.has(guildId));

const byDayThenId = (a: IndexedClaim, b: IndexedClaim) =>
  a.article.day < b.article.day ? -1 : a.article.day > b.article.day ? 1 : a.id - b.id;

/** Views a figure keeps for servers that see some of its restricted claims. */
const GUILD_VIEWS = 8;

/** One figure as a server sees it: who reported it, first and last. */
export interface FigureView {
  figure: Figure;
  first: IndexedClaim;
  last: IndexedClaim;
  claims: IndexedClaim[];
  outlets: string[];
}

/** What a figure is to a topic's answers: the claimant's figure, an earlier one, one beside the story, or a claim marked wrong. */
export type FigureStanding = 'current' | 'past' | 'aside' | 'wrong';

export const standingOf = (claim: Pick<IndexedClaim, 'role' | 'aside' | 'wrong'>): FigureStanding =>
  claim.wrong ? 'wrong' : claim.aside ? 'aside' : claim.role === 'past' ? 'past' : 'current';

/**
 * Claims with the same topic, claimant, status, measure and low/high: one figure however many
 * outlets repeat it. Measure is part of the key so "300 killed" and "300 wounded" stay apart,
 * and so is the figure's standing: "up from 388" is not the claimant's 388 now.
 */
export class Figure {
  readonly claims: IndexedClaim[] = [];
  private everyoneView: FigureView | null = null;
  /**
   * Views where some claims are restricted, by server (null: DMs and the console). Filtering a
   * big figure's claims on every /troops was most of its time; any change drops them all.
   */
  private guildViews: Map<string | null, FigureView | null> | null = null;
  private restricted = 0;
  /** Bulk loading appended a claim that belongs before the last one: sortClaims has work to do. */
  private unsorted = false;

  constructor(
    readonly key: string,
    readonly topic: string | null,
    readonly claimant: string | null,
    readonly status: Status,
    readonly measure: string,
    readonly low: number | null,
    readonly high: number | null,
    readonly standing: FigureStanding = 'current',
  ) {}

  static keyOf(
    claim: { topic: string | null; claimant: string | null; status: Status; low: number | null; high: number | null },
    measure: string,
    standing: FigureStanding = 'current',
  ): string {
    // A current figure's key is as it always was: stored alert decisions are keyed by it.
    const base = `${claim.topic}|${claim.claimant}|${claim.status}|${measure}|${claim.low}|${claim.high}`;
    return standing === 'current' ? base : `${base}|${standing}`;
  }

  /** A claim corrected or marked wrong moves to another figure. */
  remove(claim: IndexedClaim): void {
    // Sorted claims are found by halving (a merge removes thousands from big figures); a figure
    // still being filed in bulk may not be sorted yet.
    const near = this.unsorted ? -1 : placeAfter(this.claims, claim) - 1;
    const at = this.claims[near] === claim ? near : this.claims.indexOf(claim);
    if (at < 0) return;
    this.claims.splice(at, 1);
    if (claim.article.audience !== 'everyone') this.restricted--;
    this.forgetViews();
  }

  get lastDay(): string {
    return this.claims[this.claims.length - 1]!.article.day;
  }

  add(claim: IndexedClaim): void {
    this.claims.splice(placeAfter(this.claims, claim), 0, claim);
    if (claim.article.audience !== 'everyone') this.restricted++;
    this.forgetViews();
  }

  /** Bulk loading: appends in store order; sortClaims then orders the lot once, as add would have. */
  append(claim: IndexedClaim): void {
    const last = this.claims[this.claims.length - 1];
    if (last && byDayThenId(last, claim) > 0) this.unsorted = true;
    this.claims.push(claim);
    if (claim.article.audience !== 'everyone') this.restricted++;
    this.forgetViews();
  }

  sortClaims(): void {
    if (this.unsorted) this.claims.sort(byDayThenId);
    this.unsorted = false;
    this.forgetViews();
  }

  /** After a claim is added, or one of its claims' articles reaches more servers (linkArticle). */
  forgetViews(): void {
    this.everyoneView = null;
    this.guildViews = null;
  }

  /** The figure as one server may see it, or null when none of its claims are visible there. */
  view(guildId: string | null): FigureView | null {
    if (this.restricted === 0) return (this.everyoneView ??= this.viewOf(this.claims));
    const views = (this.guildViews ??= new Map());
    if (views.has(guildId)) return views.get(guildId) ?? null;
    const view = this.viewOf(this.claims.filter((claim) => isVisible(claim.article, guildId)));
    // Each holds a copy of the visible claims: keep a few servers' views, not every server's.
    if (views.size >= GUILD_VIEWS) views.delete(views.keys().next().value!);
    views.set(guildId, view);
    return view;
  }

  private viewOf(claims: IndexedClaim[]): FigureView | null {
    if (claims.length === 0) return null;
    const outlets = [...new Set(claims.map((c) => c.article.outletName).filter((o): o is string => o !== null))];
    return { figure: this, first: claims[0]!, last: claims[claims.length - 1]!, claims, outlets };
  }
}

/** Keeps a list ordered by day then id as claims arrive, mostly in order, at the end. */
export function insertByDay(list: IndexedClaim[], claim: IndexedClaim): void {
  list.splice(placeAfter(list, claim), 0, claim);
}

/**
 * Where a claim goes in a list by day then id: after every claim not later than it. Claims
 * mostly arrive last, so the end is tried first; a merge's older claims are found by halving.
 */
function placeAfter(list: readonly IndexedClaim[], claim: IndexedClaim): number {
  const last = list[list.length - 1];
  if (!last || byDayThenId(last, claim) <= 0) return list.length;
  let low = 0;
  let high = list.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (byDayThenId(list[mid]!, claim) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function sortByDay(list: IndexedClaim[]): void {
  list.sort(byDayThenId);
}

/** Whether a claim appended after `last` would leave a list out of day order (bulk loading sorts only those lists). */
export const outOfDayOrder = (last: IndexedClaim | undefined, claim: IndexedClaim): boolean =>
  last !== undefined && byDayThenId(last, claim) > 0;
