/**
 * Runs `work` over the items with at most `limit` in flight. The fetcher already caps requests per
 * host; this caps the whole tick, so a newsroom with 500 feeds does not open 500 sockets at once.
 * `work` is expected to catch its own errors: one rejection fails the whole batch.
 */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Like forEachLimit, keeping each result in its item's place. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const indexed = items.map((item, i) => ({ item, i }));
  await forEachLimit(indexed, limit, async ({ item, i }) => {
    results[i] = await work(item);
  });
  return results;
}
