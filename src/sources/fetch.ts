import http, { type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { decodeBody } from './charset.js';
import { ACCEPT_ENCODING, FetchFailure, readBody } from './fetch-body.js';
import {
  type AddressRules,
  bareHost,
  createHostSlots,
  type HostSlots,
  pinnedLookup,
  type ResolvedAddress,
  resolveAllowed,
  systemLookup,
} from './fetch-hosts.js';

export { formatDuration, parseRetryAfter } from './fetch-failures.js';
export type { Lookup, ResolvedAddress } from './fetch-hosts.js';
export type { Fetcher, FetcherOptions, FetchResult, PreviousFetch } from './fetch-types.js';
export { OUT_OF_TIME } from './fetch-types.js';

import { describeNetworkError, failed, formatDuration, httpFailure } from './fetch-failures.js';
import { type Fetcher, type FetcherOptions, type FetchResult, OUT_OF_TIME, type PreviousFetch } from './fetch-types.js';

interface Settings extends AddressRules {
  userAgent: string;
  timeoutMs: number;
  headersTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

type Hop = FetchResult | { status: 'redirect'; location: URL };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1';

export function createFetcher(options: FetcherOptions): Fetcher {
  const settings: Settings = {
    allowPrivate: options.allowPrivate,
    allowedAddresses: new Set(options.allowedAddresses ?? []),
    lookup: options.lookup ?? systemLookup,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs ?? 10_000,
    headersTimeoutMs: options.headersTimeoutMs ?? 5_000,
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
  };
  const slots = createHostSlots(options.perHostConcurrency ?? 2);
  return { fetch: (url, previous = {}) => fetchFollowing(settings, slots, url, previous) };
}

function httpTarget(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a valid URL';
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : 'not http(s)';
}

async function fetchFollowing(
  settings: Settings,
  slots: HostSlots,
  start: string,
  previous: PreviousFetch,
): Promise<FetchResult> {
  let url = httpTarget(start);
  if (typeof url === 'string') return failed(start, url);
  for (let redirects = 0; ; redirects += 1) {
    const current: URL = url;
    if (previous.signal?.aborted) return failed(current.href, OUT_OF_TIME);
    const hop = await slots.run(
      bareHost(current).toLowerCase(),
      () => fetchOnce(settings, current, previous, redirects > 0),
      previous.signal,
    );
    if (hop === null) return failed(current.href, OUT_OF_TIME); // gave up waiting for the host
    if (hop.status !== 'redirect') return hop;
    if (redirects >= settings.maxRedirects)
      return failed(current.href, `too many redirects (more than ${settings.maxRedirects})`);
    url = hop.location;
  }
}

// One request and its response, with its own deadline; the caller follows any redirect.
async function fetchOnce(settings: Settings, url: URL, previous: PreviousFetch, redirected: boolean): Promise<Hop> {
  const deadline = new AbortController();
  const started = Date.now();
  let waitingFor: 'headers' | 'body' = 'headers';
  const expire = (ms: number) => setTimeout(() => deadline.abort(), ms);
  let timer = expire(Math.min(settings.headersTimeoutMs, settings.timeoutMs));
  const caller = previous.signal;
  const onCallerAbort = () => deadline.abort();
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  let request: ClientRequest | undefined;
  try {
    const addresses = await resolveAllowed(settings, url, redirected, deadline.signal);
    const sent = send(url, addresses, requestHeaders(settings, previous), deadline.signal);
    request = sent.request;
    const response = await sent.response;
    // Headers came in time: what is left of the request's whole allowance is for the body.
    clearTimeout(timer);
    waitingFor = 'body';
    timer = expire(Math.max(0, settings.timeoutMs - (Date.now() - started)));
    return await handleResponse(settings, url, response);
  } catch (error) {
    if (error instanceof FetchFailure) return failed(url.href, error.message);
    if (caller?.aborted) return failed(url.href, OUT_OF_TIME);
    if (deadline.signal.aborted && waitingFor === 'headers' && settings.headersTimeoutMs < settings.timeoutMs)
      return failed(url.href, `did not answer within ${formatDuration(settings.headersTimeoutMs)}`);
    if (deadline.signal.aborted) return failed(url.href, `timed out after ${formatDuration(settings.timeoutMs)}`);
    return failed(url.href, describeNetworkError(error));
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onCallerAbort);
    request?.destroy(); // frees the socket of a response left unread (redirect, 304, error)
  }
}

function requestHeaders(settings: Settings, previous: PreviousFetch): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'user-agent': settings.userAgent,
    accept: ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (previous.etag) headers['if-none-match'] = previous.etag;
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
  return headers;
}

function send(url: URL, addresses: readonly ResolvedAddress[], headers: OutgoingHttpHeaders, signal: AbortSignal) {
  const client = url.protocol === 'https:' ? https : http;
  // agent: false: no pooled keep-alive socket outlives the poll, and none is shared across checks.
  const request = client.request(url, {
    method: 'GET',
    headers,
    signal,
    agent: false,
    lookup: pinnedLookup(addresses),
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    request.on('error', reject); // `on`, not `once`: a late second error must not go unhandled
    request.once('response', (res: IncomingMessage) => {
      res.on('error', () => {}); // surfaces through readBody's pipeline; unread responses are simply dropped
      resolve(res);
    });
  });
  request.end();
  return { request, response };
}

async function handleResponse(settings: Settings, url: URL, response: IncomingMessage): Promise<Hop> {
  const status = response.statusCode ?? 0;
  if (REDIRECTS.has(status)) return redirectTarget(url, response.headers.location);
  if (status === 304) return { status: 'not-modified', url: url.href };
  if (status < 200 || status > 299) return httpFailure(url, status, response.headers['retry-after']);
  const body = await readBody(response, settings.maxBytes);
  const contentType = response.headers['content-type'] ?? null;
  const { text, charset, guessed } = decodeBody(body, contentType);
  const etag = response.headers.etag ?? null;
  const lastModified = response.headers['last-modified'] ?? null;
  const decoded = guessed ? { charset, charsetGuessed: true } : { charset };
  return { status: 'ok', url: url.href, text, ...decoded, contentType, etag, lastModified, bytes: body.length };
}

function redirectTarget(from: URL, location: string | undefined): Hop {
  if (location === undefined) throw new FetchFailure('redirects without saying where (no Location header)');
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FetchFailure('redirects to an invalid address');
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:')
    throw new FetchFailure('redirects to an address that is not http(s)');
  return { status: 'redirect', location: next };
}
