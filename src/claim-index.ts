import type { Lexicon, TopicDef } from './extract/index.js';
import { Measures } from './index/measures.js';
import { SourceNames } from './index/names.js';
import { Figure, insertByDay, isVisible, sortByDay, type Audience, type IndexedArticle, type IndexedClaim } from './index/records.js';
import { TextSearch, type SearchHit } from './index/text-search.js';
import { tokenize } from './index/tokens.js';
import { TopicRows, type Row } from './index/topic-rows.js';
import type { Store } from './store/store.js';
import { DEFAULTS, type ArticleRecord, type ClaimRecord, type SourceRecord } from './store/records.js';

export type { Figure, FigureView, IndexedArticle, IndexedClaim } from './index/records.js';
export type { Row } from './index/topic-rows.js';

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
  readonly topics: readonly TopicDef[];
  readonly measures: Measures;
  readonly names: SourceNames;
  readonly rows = new TopicRows();
  private readonly sources = new Map<number, SourceRecord>();
  private readonly articles = new Map<number, IndexedArticle>();
  private readonly claims = new Map<number, IndexedClaim>();
  private readonly figures = new Map<string, Figure>();
  private readonly byClaimant = new Map<string, IndexedClaim[]>();
  private readonly byRelay = new Map<string, IndexedClaim[]>();
  private readonly byDay = new Map<string, IndexedClaim[]>();
  private readonly text = new TextSearch();
  private bulk = false;

  constructor(lexicon: Lexicon) {
    this.topics = lexicon.topics;
    this.measures = new Measures(lexicon.topics);
    this.names = new SourceNames(lexicon.entities);
  }

  /** Rebuilds the index from the store: sorting once at the end, not per claim. */
  static load(store: Store, lexicon: Lexicon): ClaimIndex {
    const index = new ClaimIndex(lexicon);
    index.bulk = true;
    for (const source of store.sources()) index.addSource(source);
    const links = new Map<number, number[]>();
    for (const { articleId, sourceId } of store.articleSources()) push(links, articleId, sourceId);
    for (const article of store.articles()) index.indexArticle(article, links.get(article.id) ?? []);
    let previous: IndexedClaim | undefined;
    for (const claim of store.claims()) {
      // Claims from one sentence share its text rather than each holding a copy.
      if (previous && previous.articleId === claim.articleId && previous.sentence === claim.sentence) claim.sentence = previous.sentence;
      previous = index.indexClaim(claim, previous?.sentence === claim.sentence ? previous : undefined);
    }
    for (const list of [...index.byClaimant.values(), ...index.byRelay.values(), ...index.byDay.values()]) sortByDay(list);
    index.bulk = false;
    return index;
  }

  addSource(source: SourceRecord): void {
    this.sources.set(source.id, source);
  }

  /** A newly stored article and its claims, as ingest hands them over. */
  addArticle(article: ArticleRecord, sourceIds: readonly number[], claims: readonly ClaimRecord[]): IndexedClaim[] {
    this.indexArticle(article, sourceIds);
    return claims.map((claim) => this.indexClaim(claim));
  }

  /** A known article reached through one more source: more servers may now see it. */
  linkArticle(articleId: number, sourceId: number): void {
    const article = this.articles.get(articleId);
    if (article) article.audience = this.widen(article.audience, sourceId);
  }

  claim(id: number): IndexedClaim | undefined {
    return this.claims.get(id);
  }

  claimCount(): number {
    return this.claims.size;
  }

  /** Claims a source made, oldest first. */
  claimsBy(name: string): readonly IndexedClaim[] {
    return this.byClaimant.get(name) ?? [];
  }

  /** Claims a source relayed (as `via`) or published (as the article's outlet), oldest first. */
  relayedBy(name: string): readonly IndexedClaim[] {
    return this.byRelay.get(name) ?? [];
  }

  claimsOn(day: string): readonly IndexedClaim[] {
    return this.byDay.get(day) ?? [];
  }

  topicRows(topic: string): Row[] {
    return this.rows.of(topic);
  }

  search(query: string, limit: number, guildId: string | null): Array<SearchHit & { claim: IndexedClaim }> {
    const visible = (id: number) => isVisible(this.claims.get(id)!.article, guildId);
    return this.text.search(query, limit, visible).map((hit) => ({ ...hit, claim: this.claims.get(hit.id)! }));
  }

  private indexArticle(article: ArticleRecord, sourceIds: readonly number[]): IndexedArticle {
    let audience: Audience = new Set();
    for (const id of sourceIds) audience = this.widen(audience, id);
    const outletName = article.outlet ? this.names.canonical(article.outlet) : null;
    if (outletName) this.names.remember(outletName);
    const indexed = { ...article, day: article.date ?? article.ingestedAt.slice(0, 10), outletName, audience };
    this.articles.set(article.id, indexed);
    return indexed;
  }

  private widen(audience: Audience, sourceId: number): Audience {
    if (audience === 'everyone') return audience;
    const guildId = this.sources.get(sourceId)?.guildId;
    if (guildId === undefined) return audience;
    return guildId === DEFAULTS ? 'everyone' : new Set([...audience, guildId]);
  }

  private indexClaim(record: ClaimRecord, sameSentence?: IndexedClaim): IndexedClaim {
    const article = this.articles.get(record.articleId);
    if (!article) throw new Error(`claim ${record.id} refers to article ${record.articleId}, which is not indexed`);
    const measure = this.measures.of(record.topic, record.unit);
    const claim = { ...record, article, measure } as IndexedClaim;
    claim.figure = this.fileFigure(claim);
    this.claims.set(claim.id, claim);
    const file = this.bulk ? push : (map: Map<string, IndexedClaim[]>, key: string, c: IndexedClaim) => insertInto(map, key, c);
    if (claim.claimant) file(this.byClaimant, claim.claimant, claim);
    for (const relay of new Set([claim.via, article.outletName])) if (relay) file(this.byRelay, relay, claim);
    file(this.byDay, article.day, claim);
    for (const name of [claim.claimant, claim.via]) if (name) this.names.remember(name);
    this.text.add(claim.id, sameSentence ? [] : tokenize(claim.sentence));
    return claim;
  }

  private fileFigure(claim: IndexedClaim): Figure {
    const key = Figure.keyOf(claim, claim.measure);
    let figure = this.figures.get(key);
    const isNew = !figure;
    if (!figure) {
      figure = new Figure(key, claim.topic, claim.claimant, claim.status, claim.measure, claim.low, claim.high);
      this.figures.set(key, figure);
    }
    figure.add(claim);
    this.rows.place(figure, isNew);
    return figure;
  }
}

function insertInto(map: Map<string, IndexedClaim[]>, key: string, claim: IndexedClaim): void {
  const list = map.get(key);
  if (list) insertByDay(list, claim);
  else map.set(key, [claim]);
}
