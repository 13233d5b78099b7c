// What a fetch is asked and what it answers: the fetcher's contract with polling and /sources.
import type { Lookup } from './fetch-hosts.js';

export interface FetcherOptions {
  /** ALLOW_PRIVATE_SOURCES: lets feeds on private, loopback and link-local addresses be read (tests, intranets). */
  allowPrivate: boolean;
  /** Names the bot, so a site's operator can tell who is polling and how to reach them. */
  userAgent: string;
  /** Per request (each redirect hop), from DNS to the last body byte. */
  timeoutMs?: number;
  /**
   * Per request, from DNS to the response's headers. A server that accepts and says nothing is
   * given up on sooner than one slowly sending a large body, so it holds a poll's slot less long.
   */
  headersTimeoutMs?: number;
  /** Cap on the body, both as sent and once decompressed. */
  maxBytes?: number;
  maxRedirects?: number;
  perHostConcurrency?: number;
  /** Exact addresses allowed although private, e.g. a newsroom's own feed server. */
  allowedAddresses?: readonly string[];
  /** DNS, injectable for tests; the connection is made to the addresses it returns. */
  lookup?: Lookup;
}

/** The validators of the last successful fetch, for a conditional GET; `signal` gives up early. */
export interface PreviousFetch {
  etag?: string | null;
  lastModified?: string | null;
  /** Aborted: stop waiting (for a host's slot or the server) and fail with OUT_OF_TIME. */
  signal?: AbortSignal;
}

/** Said when the caller's signal ended a fetch: the poll's time for this source ran out. */
export const OUT_OF_TIME = 'out of time for this poll';

export type FetchResult =
  | {
      status: 'ok';
      url: string;
      text: string;
      charset: string;
      /** The charset was guessed from the bytes: none was declared, or the declared one was wrong. */
      charsetGuessed?: boolean;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      bytes: number;
    }
  | { status: 'not-modified'; url: string }
  | { status: 'failed'; url: string; reason: string; retryAfterMs?: number; httpStatus?: number };

export interface Fetcher {
  /** Never throws for network or HTTP trouble: that comes back as `failed` with a moderator-safe reason. */
  fetch(url: string, previous?: PreviousFetch): Promise<FetchResult>;
}
