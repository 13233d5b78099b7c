/**
 * A store's part as the core sees it once stores may answer over a connection: the same methods
 * as the SQLite class, each returning a promise. Deriving the port from the SQLite class keeps
 * the two from drifting apart; the Postgres class declares that it satisfies the same type.
 */
export type Async<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** The SQLite part behind its port: each call answers at once, a throw becomes a rejection. */
export function promisify<T extends object>(part: T): Async<T> {
  return new Proxy(part, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return Promise.resolve(value.apply(target, args));
        } catch (error) {
          return Promise.reject(error);
        }
      };
    },
  }) as unknown as Async<T>;
}
