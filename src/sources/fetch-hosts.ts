import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { isBlockedAddress } from './address-policy.js';
import { FetchFailure } from './fetch-body.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name resolves to (dns.promises.lookup with `all: true` by default). */
export type Lookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface AddressRules {
  allowPrivate: boolean;
  /** Exact addresses let through although private (an in-house feed server). */
  allowedAddresses: ReadonlySet<string>;
  lookup: Lookup;
}

/** The URL's host without IPv6 brackets, as DNS and net.connect want it. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function refusal(host: string, address: string, literal: boolean, redirected: boolean): string {
  if (redirected)
    return `redirects to ${literal ? '' : `${host} at `}a private address (${address}), which is not allowed`;
  return literal
    ? `${address} is a private address, which is not allowed`
    : `${host} is at a private address (${address}), which is not allowed`;
}

// Stops waiting for DNS at the deadline; dns.lookup itself cannot be cancelled.
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function resolve(rules: AddressRules, host: string, signal: AbortSignal): Promise<readonly ResolvedAddress[]> {
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family }];
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await untilAborted(rules.lookup(host), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new FetchFailure(`DNS lookup failed for ${host}`);
  }
  if (addresses.length === 0) throw new FetchFailure(`DNS lookup failed for ${host}`);
  return addresses;
}

/**
 * Resolves a URL's host and checks every address it gave (one bad answer is enough to refuse: a
 * rebinding attacker controls the list). The caller then connects to these addresses only.
 */
export async function resolveAllowed(
  rules: AddressRules,
  url: URL,
  redirected: boolean,
  signal: AbortSignal,
): Promise<readonly ResolvedAddress[]> {
  const host = bareHost(url);
  const addresses = await resolve(rules, host, signal);
  if (rules.allowPrivate) return addresses;
  const blocked = addresses.find(({ address }) => isBlockedAddress(address) && !rules.allowedAddresses.has(address));
  if (blocked) throw new FetchFailure(refusal(host, blocked.address, isIP(host) !== 0, redirected));
  return addresses;
}

/**
 * A `lookup` for http.request that answers with the addresses already checked instead of asking DNS
 * again, so a second answer (DNS rebinding) can never swap in a private address between check and connect.
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = addresses.filter(({ family }) => !options.family || options.family === family);
    const first = wanted[0];
    if (options.all)
      callback(
        null,
        wanted.map(({ address, family }) => ({ address, family })),
      );
    else if (first) callback(null, first.address, first.family);
    else callback(Object.assign(new Error('no address of the requested family'), { code: 'ENOTFOUND' }), '');
  };
}

/**
 * A small semaphore per host name, so a poll of many feeds on one site never floods it. A waiter
 * may give up (its source's time ran out) without taking a slot.
 */
export function createHostSlots(perHost: number) {
  const hosts = new Map<string, { active: number; waiting: (() => void)[] }>();
  /** True once the slot is held; false when `signal` gave up first (no slot taken). */
  const acquire = async (host: string, signal?: AbortSignal): Promise<boolean> => {
    const entry = hosts.get(host) ?? { active: 0, waiting: [] };
    hosts.set(host, entry);
    if (entry.active < perHost) {
      entry.active += 1;
      return true;
    }
    if (signal?.aborted) return false;
    return new Promise<boolean>((settle) => {
      // The releaser hands its slot over by calling `resume`; an abort first leaves the queue.
      const resume = () => {
        signal?.removeEventListener('abort', giveUp);
        settle(true);
      };
      const giveUp = () => {
        entry.waiting.splice(entry.waiting.indexOf(resume), 1);
        settle(false);
      };
      entry.waiting.push(resume);
      signal?.addEventListener('abort', giveUp, { once: true });
    });
  };
  const release = (host: string) => {
    const entry = hosts.get(host);
    if (!entry) return;
    const next = entry.waiting.shift();
    if (next) next();
    else if (--entry.active === 0) hosts.delete(host);
  };
  return {
    /** The task's result, or null when `signal` aborted while it waited for a slot. */
    async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T | null> {
      if (!(await acquire(host, signal))) return null;
      try {
        return await task();
      } finally {
        release(host);
      }
    },
  };
}
export type HostSlots = ReturnType<typeof createHostSlots>;
