// Leak detector for tests: records sockets, servers and timers created after `trackHandles()` and
// lists the ones still open (timers: still ref'd). Vitest's own timers are ignored.
import { createHook } from 'node:async_hooks';

const TRACKED = /^(TCPWRAP|TCPSERVERWRAP|TCPCONNECTWRAP|PIPEWRAP|Timeout)$/;

export interface HandleTracker {
  /** Live handles, e.g. `['Timeout 41250ms\n    at …']`; waits (via setImmediate) up to `settleMs` for them to close. */
  open(settleMs?: number): Promise<string[]>;
  stop(): void;
}

export function trackHandles(): HandleTracker {
  const live = new Map<number, { type: string; resource: any; stack: string }>();
  const hook = createHook({
    init(id, type, _trigger, resource) {
      if (!TRACKED.test(type)) return;
      const stack = (new Error().stack ?? '').split('\n').slice(3, 12).join('\n');
      if (stack.includes('/@vitest/') || stack.includes('/vitest/dist/')) return;
      live.set(id, { type, resource, stack });
    },
    destroy(id) {
      live.delete(id);
    },
  });
  hook.enable();
  const current = () =>
    [...live.values()]
      .filter(({ type, resource }) => type !== 'Timeout' || (resource.hasRef?.() && !resource._destroyed))
      .map(
        ({ type, resource, stack }) => `${type}${type === 'Timeout' ? ` ${resource._idleTimeout}ms` : ''}\n${stack}`,
      );
  return {
    async open(settleMs = 1000) {
      for (const deadline = Date.now() + settleMs; current().length > 0 && Date.now() < deadline; ) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      return current();
    },
    stop: () => hook.disable(),
  };
}
