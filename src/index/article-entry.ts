import type { ArticleRecord } from '../store/records.js';
import type { Audience, IndexedArticle } from './records.js';

/** What answers show of an article now and then (a link, a title, when it arrived): read when first asked. */
export type ArticleDetails = Pick<ArticleRecord, 'identity' | 'url' | 'title' | 'contentHash' | 'ingestedAt'>;

/** Reads an article's details from the store. */
export type DetailsSource = (id: number) => ArticleDetails;

/** What the index needs of every article to file and filter its claims. */
export type ArticleHead = Pick<IndexedArticle, 'id' | 'outlet' | 'date' | 'day'>;

/**
 * An article as the index holds it. Loaded ones come without their details, read from the
 * store the first time an answer shows one and kept: reading identities, links, titles and
 * hashes of 200,000 articles at boot was a fifth of it.
 */
export class ArticleEntry implements IndexedArticle {
  constructor(
    head: ArticleHead,
    readonly outletName: string | null,
    public audience: Audience,
    private details: ArticleDetails | null,
    private readonly source: DetailsSource,
  ) {
    this.id = head.id;
    this.outlet = head.outlet;
    this.date = head.date;
    this.day = head.day;
  }

  readonly id: number;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly day: string;

  get identity(): string {
    return this.read().identity;
  }

  get url(): string | null {
    return this.read().url;
  }

  get title(): string | null {
    return this.read().title;
  }

  get contentHash(): string {
    return this.read().contentHash;
  }

  get ingestedAt(): string {
    return this.read().ingestedAt;
  }

  private read(): ArticleDetails {
    this.details ??= this.source(this.id);
    return this.details;
  }
}
