// A fetch that failed, said as a moderator can read it: Node's names for HTTP statuses and
// network errors, never a server's own words, and how long a server asked us to wait.
import { STATUS_CODES } from 'node:http';
import type { FetchResult } from './fetch-types.js';

export function failed(
  url: string,
  reason: string,
  extra: { retryAfterMs?: number; httpStatus?: number } = {},
): FetchResult {
  return { status: 'failed', url, reason, ...extra };
}

/** `10 s`, `1.5 s`, `200 ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}

export function httpFailure(url: URL, status: number, retryAfter: string | undefined): FetchResult {
  const name = STATUS_CODES[status]; // Node's wording, never the server's reason phrase
  const reason = `HTTP ${status}${name ? ` ${name}` : ''}`;
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(retryAfter) : undefined;
  return failed(
    url.href,
    reason,
    retryAfterMs === undefined ? { httpStatus: status } : { httpStatus: status, retryAfterMs },
  );
}

/** Retry-After as delay-seconds or an HTTP-date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed by the server',
};

export function describeNetworkError(error: unknown): string {
  const code = String((error as NodeJS.ErrnoException | undefined)?.code ?? '');
  const known = NETWORK_ERRORS[code];
  if (known) return known;
  if (code.startsWith('HPE_')) return 'sent an invalid HTTP response';
  if (/CERT|TLS|SSL/.test(code)) return `TLS error (${code})`;
  return /^[A-Z0-9_]{1,40}$/.test(code) ? `network error (${code})` : 'network error';
}
