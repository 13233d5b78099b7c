/** Maps with an async step one item at a time, so rows are written (and numbered) in the items' order. */
export async function inOrder<T, R>(items: readonly T[], step: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) results.push(await step(item, index));
  return results;
}
