import type { Lexicon, TopicDef } from '../extract/index.js';
import { type ArticleRecord, type ClaimRecord, DEFAULTS, type SourceRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { FigureFiling } from './figure-filing.js';
import { Measures } from './measures.js';
import { SourceNames } from './names.js';
import {
  type Audience,
  type Figure,
  type IndexedArticle,
  type IndexedClaim,
  insertByDay,
  isVisible,
  sortByDay,
} from './records.js';
import { SourceTallies } from './source-tally.js';
import { type SearchHit, TextSearch } from './text-search.js';
import { TOKENIZER_VERSION, tokenize } from './tokens.js';
import type { Row } from './topic-rows.js';

export type { Figure, FigureView, IndexedArticle, IndexedClaim } from './records.js';

/** What a correction may change on a claim. */
export type ClaimCorrection = Partial<
  Pick<IndexedClaim, 'low' | 'high' | 'claimant' | 'status' | 'topic' | 'wrong' | 'aside' | 'role'>
>;
export type { Row } from './topic-rows.js';

/** Claims tokenised at boot beyond the saved text index before it is worth saving again. */
const RESAVE_AFTER = 20_000;

const push = <K, T>(map: Map<K, T[]>, key: K, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Everything answers read, in memory: claims by id, topic, claimant, relaying outlet and day;
 * figures; a text index; fuzzy names. Rebuilt from the store at boot, updated as claims arrive.
 */
export class ClaimIndex {
  topics: readonly TopicDef[];
  measures: Measures;
  readonly names: SourceNames;
  private filing = new FigureFiling();
  private readonly sources = new Map<number, SourceRecord>();
  private readonly articles = new Map<number, IndexedArticle>();
  /** By id. Ids are SQLite rowids, dense from 1: an array is a fraction of a Map's size and faster to read. */
  private readonly claims: IndexedClaim[] = [];
  private claimTotal = 0;
  private readonly byClaimant = new Map<string, IndexedClaim[]>();
  private readonly byRelay = new Map<string, IndexedClaim[]>();
  private readonly byDay = new Map<string, IndexedClaim[]>();
  private text = new TextSearch();
  /** Claims up to this id are already in a restored text index (load). */
  private searchedUpTo = 0;
  /** One copy of each repeated value (see intern). */
  private readonly strings = new Map<string, string>();
  /** Names already handed to names.remember, which would otherwise lower-case them per claim. */
  private readonly remembered = new Set<string>();
  tallies = new SourceTallies();
  private bulk = false;
  private changes = 0;
  private lastWords: { sentence: string; words: string[] } | undefined;
  /** While retopic runs: how a correction reaches the filing it is building too. */
  private refiling: Refiling | undefined;

  constructor(lexicon: Lexicon) {
    this.topics = lexicon.topics;
    this.measures = new Measures(lexicon.topics);
    this.names = new SourceNames(lexicon.entities);
  }

  /**
   * Rebuilds the index from the store: sorting once at the end, not per claim. The text index
   * comes back from its saved copy when the store has one that still fits, and only later claims
   * are tokenised; when more than RESAVE_AFTER had to be, the index is saved again.
   */
  static load(store: Store, lexicon: Lexicon): ClaimIndex {
    const index = new ClaimIndex(lexicon);
    index.bulk = true;
    const saved = store.searchIndex.load();
    const text = saved?.tokenizer === TOKENIZER_VERSION ? TextSearch.restore(saved.words, saved.postings) : null;
    const restored = text !== null;
    if (text) {
      index.text = text;
      index.searchedUpTo = saved!.upto;
    }
    for (const source of store.sources()) index.addSource(source);
    for (const { alias, name } of store.names.all()) index.names.learnAlias(alias, name);
    const links = new Map<number, number[]>();
    for (const { articleId, sourceId } of store.articleSources()) push(links, articleId, sourceId);
    for (const article of store.articles()) index.indexArticle(article, links.get(article.id) ?? []);
    let previous: IndexedClaim | undefined;
    let tokenised = 0;
    let last = 0;
    for (const claim of store.claims()) {
      last = claim.id;
      if (claim.id > index.searchedUpTo) tokenised++;
      // Claims from one sentence share its text rather than each holding a copy.
      if (previous && previous.articleId === claim.articleId && previous.sentence === claim.sentence)
        claim.sentence = previous.sentence;
      previous = index.indexClaim(claim);
    }
    for (const list of [...index.byClaimant.values(), ...index.byRelay.values(), ...index.byDay.values()])
      sortByDay(list);
    index.filing.sortAll();
    index.text.trim();
    index.bulk = false;
    if (tokenised > RESAVE_AFTER || (tokenised > 0 && !restored)) {
      const { words, postings } = index.text.snapshot();
      store.searchIndex.save({ tokenizer: TOKENIZER_VERSION, upto: last, claims: index.claimTotal, words, postings });
    }
    index.searchedUpTo = 0;
    return index;
  }

  /**
   * Topics changed (/topics): each claim is filed again, the moved ones under their new topic,
   * into a filing built beside the one answers read. It yields after each slice of claims so the
   * bot goes on answering; claims that arrive meanwhile are filed too, and the last step swaps
   * the filings at once. The text index, names and articles stay: they do not depend on topics.
   */
  *retopic(
    lexicon: Lexicon,
    moves: ReadonlyArray<{ id: number; topic: string | null }>,
    slice = 50_000,
  ): Generator<number, void> {
    const measures = new Measures(lexicon.topics);
    const moved = new Map(moves.map((m) => [m.id, this.intern(m.topic)]));
    const next = new FigureFiling();
    const tallies = new SourceTallies();
    const filed: Array<{ topic: string | null; measure: string; figure: Figure } | undefined> = [];
    const fileAnew = (id: number, sorted: boolean) => {
      const claim = this.claims[id];
      if (!claim) return;
      const topic = moved.has(id) ? moved.get(id)! : claim.topic;
      const measure = this.intern(measures.ofClaim({ topic, unit: claim.unit, role: claim.role }));
      const entry = { topic, measure, figure: next.file(claim, topic, measure, !sorted) };
      filed[id] = entry;
      if (!claim.wrong) tallies.add(claim, entry);
    };
    // A moderator's correction while this runs: the claim as it was leaves the new filing, and
    // goes back in as corrected once the old filing has it; a topic they chose beats the move.
    this.refiling = {
      unfile: (claim) => {
        const entry = filed[claim.id];
        if (!entry) return false;
        entry.figure.remove(claim);
        if (!claim.wrong) tallies.remove(claim, entry);
        if (entry.figure.claims.length === 0) {
          next.figures.delete(entry.figure.key);
          next.rows.drop(entry.figure);
        }
        return true;
      },
      refile: (claim, topicChosen) => {
        if (topicChosen) moved.delete(claim.id);
        fileAnew(claim.id, true);
      },
      keepTopic: (id) => moved.delete(id),
    };
    try {
      let id = 0;
      while (id < this.claims.length) {
        for (const end = Math.min(this.claims.length, id + slice); id < end; id++) fileAnew(id, false);
        if (id < this.claims.length) yield id;
      }
      yield* next.sortInSlices(slice);
      // Claims that arrived while the figures were sorted go in order, in the same turn as the swap.
      for (; id < this.claims.length; id++) fileAnew(id, true);
      this.topics = lexicon.topics;
      this.measures = measures;
      this.filing = next;
      this.tallies = tallies;
      for (const claim of this.claims) if (claim) Object.assign(claim, filed[claim.id]);
      // Answers kept for the old filing (charts, topic rows) are stale from here on.
      this.changes++;
    } finally {
      this.refiling = undefined;
    }
  }

  /** Other spellings of names the extractor learned, so /source finds them by any of them. */
  learnNames(names: readonly { name: string; aliases: readonly string[] }[]): void {
    for (const { name, aliases } of names) {
      this.remember(name);
      for (const alias of aliases) this.names.learnAlias(alias, name);
    }
  }

  addSource(source: SourceRecord): void {
    this.sources.set(source.id, source);
    this.changes++;
  }

  /** Grows whenever what an answer could show changes (claims, sources, who sees an article): a cache key. */
  revision(): number {
    return this.changes;
  }

  /** A newly stored article and its claims, as ingest hands them over. */
  addArticle(article: ArticleRecord, sourceIds: readonly number[], claims: readonly ClaimRecord[]): IndexedClaim[] {
    this.indexArticle(article, sourceIds);
    this.changes++;
    return claims.map((claim) => this.indexClaim(claim));
  }

  /** A known article reached through one more source: more servers may now see it. */
  linkArticle(articleId: number, sourceId: number): void {
    const article = this.articles.get(articleId);
    if (!article) return;
    const audience = this.widen(article.audience, sourceId);
    if (audience === article.audience) return;
    article.audience = audience;
    this.changes++;
    // Figures keep each server's view of them (Figure.view): this article's figures may now show more.
    const everyone = audience === 'everyone';
    for (const claim of this.byDay.get(article.day) ?? []) {
      if (claim.article !== article) continue;
      claim.figure.forgetViews();
      if (everyone) this.tallies.promote(claim);
    }
  }

  /** Whether the server (null: the defaults' audience) may already see the article. */
  canSee(articleId: number, guildId: string | null): boolean {
    const article = this.articles.get(articleId);
    return article !== undefined && isVisible(article, guildId);
  }

  claim(id: number): IndexedClaim | undefined {
    return Number.isSafeInteger(id) && id >= 0 ? this.claims[id] : undefined;
  }

  claimCount(): number {
    return this.claimTotal;
  }

  /** Claims a source made, oldest first. */
  claimsBy(name: string): readonly IndexedClaim[] {
    return this.byClaimant.get(name) ?? [];
  }

  /** Every name that claims something. */
  claimantNames(): string[] {
    return [...this.byClaimant.keys()];
  }

  /** Claims a source relayed (as `via`) or published (as the article's outlet), oldest first. */
  relayedBy(name: string): readonly IndexedClaim[] {
    return this.byRelay.get(name) ?? [];
  }

  topicRows(topic: string): Row[] {
    return this.filing.rows.of(topic);
  }

  search(query: string, limit: number, guildId: string | null): Array<SearchHit & { claim: IndexedClaim }> {
    // A claim marked wrong is kept for /claim, never found.
    const visible = (id: number) => !this.claims[id]!.wrong && isVisible(this.claims[id]!.article, guildId);
    return this.text.search(query, limit, visible).map((hit) => ({ ...hit, claim: this.claims[hit.id]! }));
  }

  private indexArticle(article: ArticleRecord, sourceIds: readonly number[]): IndexedArticle {
    let audience: Audience = new Set();
    for (const id of sourceIds) audience = this.widen(audience, id);
    const outletName = article.outlet ? this.names.canonical(article.outlet) : null;
    this.remember(outletName);
    // A literal, not a spread: spread copies of store rows each got a hidden class of their own.
    const date = this.intern(article.date);
    const indexed: IndexedArticle = {
      id: article.id,
      identity: article.identity,
      url: article.url,
      title: article.title,
      outlet: this.intern(article.outlet),
      date,
      contentHash: article.contentHash,
      ingestedAt: article.ingestedAt,
      day: date ?? this.intern(article.ingestedAt.slice(0, 10)),
      outletName: this.intern(outletName),
      audience,
    };
    this.articles.set(article.id, indexed);
    return indexed;
  }

  private widen(audience: Audience, sourceId: number): Audience {
    if (audience === 'everyone') return audience;
    const guildId = this.sources.get(sourceId)?.guildId;
    if (guildId === undefined) return audience;
    return guildId === DEFAULTS ? 'everyone' : new Set([...audience, guildId]);
  }

  private indexClaim(record: ClaimRecord): IndexedClaim {
    const article = this.articles.get(record.articleId);
    if (!article) throw new Error(`claim ${record.id} refers to article ${record.articleId}, which is not indexed`);
    // One literal shape for every claim: spread copies of store rows each got a hidden class of
    // their own, about 400 bytes a claim. Repeated values are interned for the same reason.
    const claim: IndexedClaim = {
      id: record.id,
      articleId: record.articleId,
      position: record.position,
      sentence: record.sentence,
      low: record.low,
      high: record.high,
      hedge: this.intern(record.hedge),
      unit: this.intern(record.unit),
      topic: this.intern(record.topic),
      status: this.intern(record.status),
      claimant: this.intern(record.claimant),
      via: this.intern(record.via),
      speaker: this.intern(record.speaker),
      figureText: this.intern(record.figureText),
      role: this.intern(record.role),
      aside: this.intern(record.aside),
      wrong: record.wrong,
      article,
      measure: this.intern(this.measures.ofClaim(record)),
      figure: undefined as unknown as Figure, // filed just below, once the claim exists
    };
    claim.figure = this.fileFigure(claim);
    if (this.claims[claim.id] === undefined) this.claimTotal++;
    this.claims[claim.id] = claim;
    const file = this.bulk
      ? push
      : (map: Map<string, IndexedClaim[]>, key: string, c: IndexedClaim) => insertInto(map, key, c);
    if (claim.claimant) file(this.byClaimant, claim.claimant, claim);
    if (claim.via) file(this.byRelay, claim.via, claim);
    if (article.outletName && article.outletName !== claim.via) file(this.byRelay, article.outletName, claim);
    file(this.byDay, article.day, claim);
    // A claim marked wrong is no part of what a source said.
    if (!claim.wrong) this.tallies.add(claim);
    this.remember(claim.claimant);
    this.remember(claim.via);
    if (claim.id <= this.searchedUpTo) return claim;
    // Claims from one sentence come together: its words are worked out once, but every claim is findable.
    if (this.lastWords?.sentence !== claim.sentence)
      this.lastWords = { sentence: claim.sentence, words: tokenize(claim.sentence) };
    this.text.add(claim.id, this.lastWords.words);
    return claim;
  }

  private fileFigure(claim: IndexedClaim): Figure {
    // Loading appends and sorts each figure once at the end (load), instead of walking back per claim.
    return this.filing.file(claim, claim.topic, claim.measure, this.bulk);
  }

  /**
   * A moderator's correction: the claim takes the corrected fields (or its wrong mark) and moves
   * to the figure and claimant they now make it. Returns the claim as it now stands.
   */
  correct(id: number, fields: ClaimCorrection): IndexedClaim | undefined {
    const claim = this.claim(id);
    if (!claim) return undefined;
    // What answers and charts kept for the claim as it stood is stale now.
    this.changes++;
    const old = claim.figure;
    const refiled = this.refiling?.unfile(claim) ?? false;
    old.remove(claim);
    this.tallies.remove(claim);
    if (old.claims.length === 0) {
      this.filing.figures.delete(old.key);
      this.filing.rows.drop(old);
    }
    if (fields.claimant !== undefined && fields.claimant !== claim.claimant) {
      if (claim.claimant) removeFrom(this.byClaimant, claim.claimant, claim);
      if (fields.claimant) insertInto(this.byClaimant, fields.claimant, claim);
      this.remember(fields.claimant);
    }
    Object.assign(claim, fields);
    claim.measure = this.intern(this.measures.ofClaim(claim));
    claim.figure = this.fileFigure(claim);
    if (!claim.wrong) this.tallies.add(claim);
    if (refiled) this.refiling!.refile(claim, fields.topic !== undefined);
    else if (fields.topic !== undefined) this.refiling?.keepTopic(claim.id);
    return claim;
  }

  private remember(name: string | null): void {
    if (!name || this.remembered.has(name)) return;
    this.remembered.add(name);
    this.names.remember(name);
  }

  /**
   * The store returns a new string per row and column: a million claims held a million copies of
   * "reported". The index keeps one of each value; strings are values, so nothing else changes.
   */
  private intern<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }
}

/** What a correction does to a re-filing under way (ClaimIndex.retopic). */
interface Refiling {
  /** Takes the claim, as it still stands, out of the new filing; false when it is not filed there yet. */
  unfile(claim: IndexedClaim): boolean;
  /** Files the corrected claim in the new filing; a topic the moderator chose stays. */
  refile(claim: IndexedClaim, topicChosen: boolean): void;
  /** The claim is not filed anew yet: when it is, the topic the moderator chose stays. */
  keepTopic(id: number): void;
}

function removeFrom(map: Map<string, IndexedClaim[]>, key: string, claim: IndexedClaim): void {
  const list = map.get(key);
  const at = list?.indexOf(claim) ?? -1;
  if (list && at >= 0) list.splice(at, 1);
}

function insertInto(map: Map<string, IndexedClaim[]>, key: string, claim: IndexedClaim): void {
  const list = map.get(key);
  if (list) insertByDay(list, claim);
  else map.set(key, [claim]);
}
