/**
 * How a running bot is told to stop: SIGTERM (a supervisor, `docker stop`), SIGINT (Ctrl-C), a
 * fatal Discord close, or the parent that started it dying. The last matters under `npm start`:
 * npm does not pass a kill -9 on to its child, and an orphaned bot still polling and delivering
 * would run beside the one the supervisor starts next.
 */
import type { Logger } from './log.js';

export type StopReason = { kind: 'signal'; signal: NodeJS.Signals } | { kind: 'orphaned' } | { kind: 'fatal' };

export interface Lifetime {
  /** Resolves with the first reason to stop. */
  stopped: Promise<StopReason>;
  stop(reason: StopReason): void;
  /** Stops listening (signals, the parent check), so nothing keeps the process alive. */
  dispose(): void;
}

export interface LifetimeOptions {
  /** Watch the parent process: set when started by a package manager that does not forward signals. */
  watchParent: boolean;
  parentCheckMs?: number;
}

export function startLifetime(log: Logger, options: LifetimeOptions): Lifetime {
  let settle: (reason: StopReason) => void = () => {};
  const stopped = new Promise<StopReason>((resolve) => (settle = resolve));
  let stopping = false;
  const stop = (reason: StopReason) => {
    if (stopping) return;
    stopping = true;
    settle(reason);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal while shutting down means "now": the operator has waited long enough.
    if (stopping) {
      log.warn(`${signal} again: exiting without waiting for the shutdown to finish`);
      process.exit(1);
    }
    log.info(`${signal}: shutting down`);
    stop({ kind: 'signal', signal });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const parent = process.ppid;
  const watcher = options.watchParent
    ? setInterval(() => {
        if (process.ppid === parent) return;
        log.warn(`the process that started the bot (pid ${parent}) is gone: shutting down`);
        stop({ kind: 'orphaned' });
      }, options.parentCheckMs ?? 1000)
    : undefined;
  watcher?.unref();
  return {
    stopped,
    stop,
    dispose() {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      if (watcher) clearInterval(watcher);
    },
  };
}

/** Set by npm, pnpm and yarn for a script they run: the bot then has a wrapper above it. */
export const startedByPackageManager = (env: NodeJS.ProcessEnv): boolean => env.npm_lifecycle_event !== undefined;
