import type { Lexicon, TopicDef } from '../extract/index.js';
import type { ColumnClaim } from '../store/claim-columns.js';
import { type ArticleRecord, type ClaimRecord, DEFAULTS, type SourceRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { type ArticleDetails, ArticleEntry, type ArticleHead, type DetailsSource } from './article-entry.js';
import { ClaimEntry, type SentenceSource } from './claim-entry.js';
import { ClaimLists, type NameFields } from './claim-lists.js';
import { FigureFiling } from './figure-filing.js';
import type { IndexRows } from './index-rows.js';
import { Measures } from './measures.js';
import { SourceNames } from './names.js';
import { type Audience, type Figure, type IndexedArticle, type IndexedClaim, isVisible } from './records.js';
import { columnsOf, eachSavedClaim, measuresKey, readSavedClaims } from './saved-claims.js';
import { SourceTallies } from './source-tally.js';
import { type SearchHit, TextSearch } from './text-search.js';
import { TOKENIZER_VERSION, tokenize } from './tokens.js';
import type { Row } from './topic-rows.js';

export type { Figure, FigureView, IndexedArticle, IndexedClaim } from './records.js';

/** What a correction may change on a claim. */
export type ClaimCorrection = Partial<
  Pick<IndexedClaim, 'low' | 'high' | 'claimant' | 'via' | 'status' | 'topic' | 'wrong' | 'aside' | 'role'>
>;
export type { Row } from './topic-rows.js';

/** Claims tokenised at boot beyond the saved text index before it is worth saving again. */
const RESAVE_AFTER = 20_000;

const push = <K, T>(map: Map<K, T[]>, key: K, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Audiences are replaced, never changed (widen): articles no source reached share this one. */
const NOBODY: Audience = new Set();
/** For values already interned. */
const interned = <T>(value: T): T => value;

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
  /** By id, dense like claims. */
  private readonly articles: IndexedArticle[] = [];
  /** By id. Ids are SQLite rowids, dense from 1: an array is a fraction of a Map's size and faster to read. */
  private readonly claims: IndexedClaim[] = [];
  private claimTotal = 0;
  private readonly lists = new ClaimLists();
  private text = new TextSearch();
  /** One copy of each repeated value (see intern). */
  private readonly strings = new Map<string, string>();
  /** Names already handed to names.remember, which would otherwise lower-case them per claim. */
  private readonly remembered = new Set<string>();
  tallies = new SourceTallies((name, role) => this.claimsOf(name, role));
  private bulk = false;
  private changes = 0;
  private lastWords: { sentence: string; words: string[] } | undefined;
  /** While retopic runs: how a correction reaches the filing it is building too. */
  private refiling: Refiling | undefined;

  constructor(
    lexicon: Lexicon,
    private readonly stored: { sentence: SentenceSource; details: DetailsSource } = {
      sentence: (id) => {
        throw new Error(`claim ${id} has no sentence`);
      },
      details: (id) => {
        throw new Error(`article ${id} has no details`);
      },
    },
  ) {
    this.topics = lexicon.topics;
    this.measures = new Measures(lexicon.topics);
    this.names = new SourceNames(lexicon.entities);
  }

  /**
   * Rebuilds the index from the store. Claims come from their saved columns (in day order, so
   * no list needs sorting), with the rows of claims changed since and of later claims; the text
   * index from its saved copy when it still fits, tokenising only later claims. When no columns
   * were saved, or more than RESAVE_AFTER claims had to be read or tokenised, both are saved again.
   */
  static load(store: Store, lexicon: Lexicon): ClaimIndex {
    const index = new ClaimIndex(lexicon, {
      sentence: (id) => store.sentence(id),
      details: (id) => store.articleDetails(id),
    });
    index.bulk = true;
    const seenChange = store.claimColumns.lastChange();
    const saved = store.searchIndex.load();
    const text = saved?.tokenizer === TOKENIZER_VERSION ? TextSearch.restore(saved.words, saved.postings) : null;
    if (text) index.text = text;
    for (const source of store.sources()) index.addSource(source);
    for (const { alias, name } of store.names.all()) index.names.learnAlias(alias, name);
    const links = new Map<number, number[]>();
    for (const [articleId, sourceId] of store.articleSources()) push(links, articleId, sourceId);
    for (const head of store.articleHeads()) index.indexArticle(head, links.get(head.id) ?? [], null);
    const columns = readSavedClaims(store);
    let last = 0;
    let read = 0;
    const take = (record: ColumnClaim & { sentence?: string }, figure = -1, intern = index.intern) => {
      last = Math.max(last, record.id);
      index.indexClaim(record, figure, intern);
    };
    // Saved figure numbers hold while the topics' measures are those they were saved under.
    const measures = measuresKey(lexicon.topics);
    // Each saved value goes through intern once, rather than ten times a claim.
    if (columns) columns.columns.strings = columns.columns.strings.map(index.intern);
    if (columns)
      eachSavedClaim(columns.columns, (record, figure) => {
        const row = columns.changed.get(record.id);
        if (row !== undefined) read++;
        if (row === undefined) take(record, columns.columns.measures === measures ? figure : -1, interned);
        else if (row !== null) take(row);
      });
    let previous: ClaimRecord | undefined;
    for (const record of store.claims(columns?.columns.upto ?? 0)) {
      read++;
      // Claims from one sentence share its text rather than each holding a copy.
      if (previous && previous.articleId === record.articleId && previous.sentence === record.sentence)
        record.sentence = previous.sentence;
      previous = record;
      take(record);
    }
    index.lists.sortAppended();
    index.filing.sortAll();
    // Claims the saved text index does not hold, in id order as its lists keep them.
    let tokenised = 0;
    for (let id = text ? saved!.upto + 1 : 0; id < index.claims.length; id++) {
      const claim = index.claims[id];
      if (!claim) continue;
      index.addWords(claim);
      tokenised++;
    }
    index.text.trim();
    index.bulk = false;
    const textStale = tokenised > RESAVE_AFTER || (tokenised > 0 && !text);
    const columnsStale = columns ? read > RESAVE_AFTER || columns.columns.measures !== measures : index.claimTotal > 0;
    if (textStale || columnsStale) index.save(store, last, seenChange, measures);
    return index;
  }

  /** Builds the index from rows read whole (Postgres, which keeps no saved columns), holding every sentence. */
  static fromRows(rows: IndexRows, lexicon: Lexicon): ClaimIndex {
    const index = new ClaimIndex(lexicon);
    index.bulk = true;
    for (const source of rows.sources) index.addSource(source);
    for (const { alias, name } of rows.names) index.names.learnAlias(alias, name);
    const links = new Map<number, number[]>();
    for (const [articleId, sourceId] of rows.links) push(links, articleId, sourceId);
    for (const article of rows.articles) {
      const head = { ...article, day: article.date ?? article.ingestedAt.slice(0, 10) };
      index.indexArticle(head, links.get(article.id) ?? [], article);
    }
    for (const claim of rows.claims) index.addWords(index.indexClaim(claim));
    index.lists.sortAppended();
    index.filing.sortAll();
    index.text.trim();
    index.bulk = false;
    return index;
  }

  /** Saves the text index and the claims' columns in one transaction, as they stand after loading. */
  private save(store: Store, last: number, seenChange: number, measures: string): void {
    const { words, postings } = this.text.snapshot();
    // By day, then id: the order every list keeps, so the next boot appends without sorting.
    const claims = this.lists.inOrder();
    store.transaction(() => {
      store.searchIndex.save({ tokenizer: TOKENIZER_VERSION, upto: last, claims: this.claimTotal, words, postings });
      store.claimColumns.save(columnsOf(claims, last, measures), seenChange);
    });
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
    const filed: Array<{ topic: string | null; measure: string; figure: Figure } | undefined> = [];
    const fileAnew = (id: number, sorted: boolean) => {
      const claim = this.claims[id];
      if (!claim) return;
      const topic = moved.has(id) ? moved.get(id)! : claim.topic;
      const measure = this.intern(measures.ofClaim({ topic, unit: claim.unit, role: claim.role }));
      filed[id] = { topic, measure, figure: next.file(claim, topic, measure, !sorted) };
    };
    // A moderator's correction while this runs: the claim as it was leaves the new filing, and
    // goes back in as corrected once the old filing has it; a topic they chose beats the move.
    this.refiling = {
      unfile: (claim) => {
        const entry = filed[claim.id];
        if (!entry) return false;
        entry.figure.remove(claim);
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
      // Counted afresh from the claims as now filed, for each source when it is next asked about.
      this.tallies = new SourceTallies((name, role) => this.claimsOf(name, role));
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
    // Already here: on a shared store this process's follower can read its own commit back
    // before the ingest that made it reaches this line.
    if (this.hasArticle(article.id))
      return claims.map((claim) => this.claim(claim.id)).filter((c): c is IndexedClaim => c !== undefined);
    const day = article.date ?? article.ingestedAt.slice(0, 10);
    this.indexArticle({ ...article, day }, sourceIds, article);
    this.changes++;
    return claims.map((claim) => this.indexClaim(claim));
  }

  /** A known article reached through one more source: more servers may now see it. */
  linkArticle(articleId: number, sourceId: number): void {
    const article = this.articles[articleId];
    if (!article) return;
    const audience = this.widen(article.audience, sourceId);
    if (audience === article.audience) return;
    article.audience = audience;
    this.changes++;
    // Figures keep each server's view of them (Figure.view): this article's figures may now show more.
    const everyone = audience === 'everyone';
    for (const claim of this.lists.byDay.get(article.day) ?? []) {
      if (claim.article !== article) continue;
      claim.figure.forgetViews();
      if (everyone) this.tallies.promote(claim);
    }
  }

  hasArticle(id: number): boolean {
    return this.articles[id] !== undefined;
  }

  /** Whether the server (null: the defaults' audience) may already see the article. */
  canSee(articleId: number, guildId: string | null): boolean {
    const article = this.articles[articleId];
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
    return this.lists.byClaimant.get(name) ?? [];
  }

  /** Every name that claims something. */
  claimantNames(): string[] {
    return [...this.lists.byClaimant.keys()];
  }

  /** Claims a source relayed (as `via`) or published (as the article's outlet), oldest first. */
  relayedBy(name: string): readonly IndexedClaim[] {
    return this.lists.byRelay.get(name) ?? [];
  }

  topicRows(topic: string): Row[] {
    return this.filing.rows.of(topic);
  }

  search(query: string, limit: number, guildId: string | null): Array<SearchHit & { claim: IndexedClaim }> {
    // A claim marked wrong is kept for /claim, never found.
    const visible = (id: number) => !this.claims[id]!.wrong && isVisible(this.claims[id]!.article, guildId);
    return this.text.search(query, limit, visible).map((hit) => ({ ...hit, claim: this.claims[hit.id]! }));
  }

  private indexArticle(
    head: ArticleHead,
    sourceIds: readonly number[],
    details: ArticleDetails | null,
  ): IndexedArticle {
    let audience: Audience = NOBODY;
    for (const id of sourceIds) audience = this.widen(audience, id);
    const outletName = head.outlet ? this.names.canonical(head.outlet) : null;
    this.remember(outletName);
    const { id, outlet, date, day } = head;
    const interned = { id, outlet: this.intern(outlet), date: this.intern(date), day: this.intern(day) };
    const article = new ArticleEntry(interned, this.intern(outletName), audience, details, this.stored.details);
    this.articles[id] = article;
    return article;
  }

  private widen(audience: Audience, sourceId: number): Audience {
    if (audience === 'everyone') return audience;
    const guildId = this.sources.get(sourceId)?.guildId;
    if (guildId === undefined) return audience;
    return guildId === DEFAULTS ? 'everyone' : new Set([...audience, guildId]);
  }

  /** `figure`: the number its figure was saved under (FigureFiling.fileSaved), or -1 to work it out. */
  private indexClaim(record: ColumnClaim & { sentence?: string }, figure = -1, intern = this.intern): IndexedClaim {
    const article = this.articles[record.articleId];
    if (!article) throw new Error(`claim ${record.id} refers to article ${record.articleId}, which is not indexed`);
    const claim = new ClaimEntry(record, article, intern, this.stored.sentence);
    if (figure >= 0) claim.figure = this.filing.fileSaved(claim, figure, this.measureOf);
    else {
      claim.measure = this.measureOf(claim);
      claim.figure = this.fileFigure(claim);
    }
    if (this.claims[claim.id] === undefined) this.claimTotal++;
    this.claims[claim.id] = claim;
    this.lists.file(claim, this.bulk);
    // A claim marked wrong is no part of what a source said. Loading counts none (tallies are made when asked).
    if (!claim.wrong && !this.bulk) this.tallies.add(claim);
    this.remember(claim.claimant);
    this.remember(claim.via);
    // Loading adds words once every claim is in (load).
    if (!this.bulk) this.addWords(claim);
    return claim;
  }

  private addWords(claim: IndexedClaim): void {
    // Claims from one sentence come together: its words are worked out once, but every claim is findable.
    if (this.lastWords?.sentence !== claim.sentence)
      this.lastWords = { sentence: claim.sentence, words: tokenize(claim.sentence) };
    this.text.add(claim.id, this.lastWords.words);
  }

  private readonly measureOf = (claim: IndexedClaim) => this.intern(this.measures.ofClaim(claim));

  private claimsOf(name: string, role: 'claimed' | 'relayed'): readonly IndexedClaim[] {
    return role === 'claimed' ? this.claimsBy(name) : this.relayedBy(name);
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
    return this.correctAll([{ id, fields }])[0];
  }

  /**
   * Corrections made together (a claimant merge moves many claims): each claim is re-filed as
   * correct does, and the claimant and relay lists they leave or join are each rebuilt once.
   */
  correctAll(corrections: ReadonlyArray<{ id: number; fields: ClaimCorrection }>): Array<IndexedClaim | undefined> {
    // What answers and charts kept for the claims as they stood is stale now.
    this.changes++;
    const found = corrections.map(({ id, fields }) => ({ claim: this.claim(id), fields }));
    const fields: NameFields = { claimant: false, via: false };
    const renamed: IndexedClaim[] = [];
    for (const { claim, fields: f } of found) {
      const claimant = claim !== undefined && f.claimant !== undefined && f.claimant !== claim.claimant;
      const via = claim !== undefined && f.via !== undefined && f.via !== claim.via;
      if (claimant || via) renamed.push(claim!);
      fields.claimant ||= claimant;
      fields.via ||= via;
    }
    const named = new Set<string>();
    const noteNames = (claim: IndexedClaim) => {
      for (const name of [claim.claimant, claim.via, claim.article.outletName]) if (name) named.add(name);
    };
    for (const claim of renamed) noteNames(claim);
    this.lists.unfileNames(renamed, fields);
    const moving = new Set(renamed);
    const corrected = found.map(({ claim, fields }) => claim && this.refile(claim, fields, moving.has(claim)));
    for (const claim of renamed) {
      noteNames(claim);
      this.remember(claim.claimant);
      this.remember(claim.via);
    }
    this.lists.fileNames(renamed, fields);
    // Counts of every name a claim left or joined are made again when asked, as a restart would.
    this.tallies.forget(named);
    return corrected;
  }

  /** `recount`: the claim changes names, whose counts are made afresh rather than kept up. */
  private refile(claim: IndexedClaim, fields: ClaimCorrection, recount: boolean): IndexedClaim {
    const old = claim.figure;
    const refiled = this.refiling?.unfile(claim) ?? false;
    old.remove(claim);
    if (!recount) this.tallies.remove(claim);
    if (old.claims.length === 0) {
      this.filing.figures.delete(old.key);
      this.filing.rows.drop(old);
    }
    Object.assign(claim, fields);
    claim.claimant = this.intern(claim.claimant);
    claim.via = this.intern(claim.via);
    claim.measure = this.intern(this.measures.ofClaim(claim));
    claim.figure = this.fileFigure(claim);
    if (!claim.wrong && !recount) this.tallies.add(claim);
    if (refiled) this.refiling!.refile(claim, fields.topic !== undefined);
    else if (fields.topic !== undefined) this.refiling?.keepTopic(claim.id);
    return claim;
  }

  /**
   * After a claimant change: a name no claim uses any more is offered no longer, as after a
   * restart; one still used is offered again if the change had taken its spelling.
   */
  settleName(name: string): void {
    if (this.claimsBy(name).length > 0 || this.relayedBy(name).length > 0) {
      this.remembered.delete(name);
      this.remember(name);
    } else if (this.names.forgetName(name)) this.remembered.delete(name);
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
  private readonly intern = <T extends string | null>(value: T): T => {
    if (value === null) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  };
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
