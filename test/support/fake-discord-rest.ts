// HTTP plumbing for the fake Discord REST API: request recording, route matching, auth, the
// programmable failure queue (5xx / 4xx / 429 with the headers @discordjs/rest reads) and replies.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export const API_PREFIX = '/api/v10';

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, segments percent-decoded, no query string, e.g. `/webhooks/1/tok/messages/@original`. */
  route: string;
  /** Full request path, e.g. `/api/v10/channels/123/messages?x=1`. */
  url: string;
  query: Record<string, string>;
  /** Parsed JSON body (for multipart: the parsed `payload_json`), or null. */
  body: any;
  /** Uploaded files; sha256 of their bytes, so a test can tell two attachments apart, and the bytes to read one. */
  files: Array<{ field: string; name: string; size: number; sha256: string; bytes: Buffer }>;
  headers: IncomingHttpHeaders;
  /** Status the fake answered with (0 while in flight). */
  status: number;
  /** True when the answer came from the failure queue. */
  injected: boolean;
  /** True when no route matched (answered 404). */
  unhandled: boolean;
  at: number;
}

/** `'POST /channels/:id/messages'` (method optional, `:param` and `*` wildcards), a RegExp tested on `'METHOD /route'`, or a predicate. */
export type RouteMatcher = string | RegExp | ((req: RecordedRequest) => boolean);

export interface FailureSpec {
  status: number;
  /** For 429: seconds to wait (body `retry_after`, `Retry-After` and `X-RateLimit-Reset-After`). Default 0.1. */
  retryAfter?: number;
  /** For 429: a global rate limit (sends `X-RateLimit-Global`; its mere presence means global to @discordjs/rest). */
  global?: boolean;
  /** Discord JSON error code / message; sensible defaults per status. */
  code?: number;
  message?: string;
  /** Replace the whole JSON body. */
  body?: unknown;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /**
   * The request takes effect (the route runs: a message is created) and only then is the answer
   * replaced by the failure, as when Discord commits and the response is lost on the way back.
   */
  afterHandling?: boolean;
  /** Never answer (after handling, with afterHandling): a process killed while waiting on Discord. */
  hang?: boolean;
}

export interface RouteContext {
  req: RecordedRequest;
  params: Record<string, string>;
}
export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface RouteDef {
  method: string;
  pattern: string;
  /** Bot token required (interaction callbacks and webhooks are unauthenticated). Default true. */
  auth?: boolean;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

export class DiscordError {
  constructor(
    readonly status: number,
    readonly message: string,
    readonly code: number,
  ) {}
}

const DEFAULT_ERRORS: Record<number, [string, number]> = {
  400: ['Invalid Form Body', 50035],
  401: ['401: Unauthorized', 0],
  403: ['Missing Access', 50001],
  404: ['404: Not Found', 0],
  405: ['405: Method Not Allowed', 0],
};

function compile(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/:[A-Za-z_]+/g, '([^/]+)');
  return new RegExp(`^${source}$`);
}

export function matches(matcher: RouteMatcher, req: RecordedRequest): boolean {
  if (typeof matcher === 'function') return matcher(req);
  if (matcher instanceof RegExp) return matcher.test(`${req.method} ${req.route}`);
  const [first, second] = matcher.trim().split(/\s+/);
  const [method, pattern] = second === undefined ? [undefined, first ?? ''] : [first?.toUpperCase(), second];
  return (method === undefined || method === req.method) && compile(pattern).test(req.route);
}

async function parseBody(raw: Buffer, headers: IncomingHttpHeaders): Promise<Pick<RecordedRequest, 'body' | 'files'>> {
  const type = headers['content-type'] ?? '';
  if (raw.length === 0) return { body: null, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: RecordedRequest['files'] = [];
    let body: any = null;
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        const bytes = Buffer.from(await value.arrayBuffer());
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        files.push({ field, name: value.name, size: value.size, sha256, bytes });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  private readonly failures: Array<{ matcher: RouteMatcher; spec: FailureSpec; left: number }> = [];
  private readonly routes: Array<RouteDef & { regex: RegExp; names: string[] }> = [];
  private readonly listeners = new Set<(req: RecordedRequest) => void>();
  private readonly delays: Array<{ matcher: RouteMatcher; ms: number }> = [];

  constructor(private readonly token: string | undefined) {}

  add(...defs: RouteDef[]): void {
    for (const def of defs) {
      const names = [...def.pattern.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] ?? '');
      this.routes.push({ ...def, regex: compile(def.pattern), names });
    }
  }

  failNext(matcher: RouteMatcher, spec: FailureSpec): void {
    this.failures.push({ matcher, spec, left: spec.times ?? 1 });
  }

  /** Matching requests take effect at once and are answered ms later: a process killed meanwhile never hears. */
  slowAnswers(matcher: RouteMatcher, ms: number): void {
    this.delays.push({ matcher, ms });
  }

  /** Called with every request once it has been answered. */
  onAnswered(listener: (req: RecordedRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async handle(httpReq: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of httpReq) chunks.push(chunk as Buffer);
    const url = new URL(httpReq.url ?? '/', 'http://fake.invalid');
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || '/' : url.pathname;
    // discord-api-types' Routes percent-encode every segment (`@original` arrives as `%40original`).
    const route = path.split('/').map(safeDecode).join('/');
    const req: RecordedRequest = {
      method: (httpReq.method ?? 'GET').toUpperCase(),
      route,
      url: httpReq.url ?? '/',
      query: Object.fromEntries(url.searchParams),
      ...(await parseBody(Buffer.concat(chunks), httpReq.headers).catch(() => ({ body: null, files: [] }))),
      headers: httpReq.headers,
      status: 0,
      injected: false,
      unhandled: false,
      at: Date.now(),
    };
    this.requests.push(req);
    let result: RouteResult;
    try {
      result = await this.answer(req);
    } catch (error) {
      result =
        error instanceof DiscordError
          ? { status: error.status, body: { message: error.message, code: error.code } }
          : { status: 500, body: { message: `fake discord bug: ${String(error)}`, code: 0 } };
    }
    req.status = result.status ?? 200;
    const headers: Record<string, string> = { ...result.headers };
    if (result.body !== undefined && req.status !== 204) headers['content-type'] = 'application/json';
    res.writeHead(req.status, headers);
    res.end(result.body === undefined || req.status === 204 ? undefined : JSON.stringify(result.body));
    for (const listener of this.listeners) listener(req);
  }

  private async answer(req: RecordedRequest): Promise<RouteResult> {
    const matched = url2route(this.routes, req);
    const bucket = createHash('sha1')
      .update(`${req.method} ${matched?.def.pattern ?? req.route}`)
      .digest('hex')
      .slice(0, 16);
    const failure = this.failures.find((f) => matches(f.matcher, req));
    if (failure) {
      if (--failure.left <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      req.injected = true;
      if (failure.spec.afterHandling && matched) await matched.def.handle({ req, params: matched.params });
      if (failure.spec.hang) return new Promise<RouteResult>(() => {});
      return failureResult(failure.spec, req, bucket);
    }
    if (!matched) {
      req.unhandled = true;
      return { status: 404, body: { message: '404: Not Found', code: 0 } };
    }
    if (matched.def.auth !== false) {
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bot ') || (this.token !== undefined && auth !== `Bot ${this.token}`)) {
        return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      }
    }
    const result = await matched.def.handle({ req, params: matched.params });
    const delay = this.delays.find((d) => matches(d.matcher, req));
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms));
    const resetAfter = 1;
    return {
      ...result,
      headers: {
        'x-ratelimit-bucket': bucket,
        'x-ratelimit-limit': '50',
        'x-ratelimit-remaining': '49',
        'x-ratelimit-reset-after': String(resetAfter),
        'x-ratelimit-reset': String(Date.now() / 1000 + resetAfter),
        ...result.headers,
      },
    };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function url2route(routes: FakeRest['routes'], req: RecordedRequest) {
  for (const def of routes) {
    if (def.method !== req.method) continue;
    const m = def.regex.exec(req.route);
    if (m) return { def, params: Object.fromEntries(def.names.map((n, i) => [n, m[i + 1] ?? ''])) };
  }
  return undefined;
}

function failureResult(spec: FailureSpec, req: RecordedRequest, bucket: string): RouteResult {
  if (spec.status === 429) {
    const retryAfter = spec.retryAfter ?? 0.1;
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-bucket': bucket,
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
      'x-ratelimit-scope': spec.global ? 'global' : 'user',
    };
    if (spec.global) headers['x-ratelimit-global'] = 'true';
    const body = spec.body ?? {
      message: spec.message ?? 'You are being rate limited.',
      retry_after: retryAfter,
      global: Boolean(spec.global),
      code: spec.code ?? 0,
    };
    return { status: 429, headers, body };
  }
  const [message, code] =
    spec.status === 404 && req.route.startsWith('/channels/')
      ? ['Unknown Channel', 10003]
      : (DEFAULT_ERRORS[spec.status] ?? [
          `${spec.status}: ${spec.status >= 500 ? 'Internal Server Error' : 'Error'}`,
          0,
        ]);
  return { status: spec.status, body: spec.body ?? { message: spec.message ?? message, code: spec.code ?? code } };
}
