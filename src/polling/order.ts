/** The order a tick reads its locations in. */

const hostOf = (location: string): string => {
  try {
    return new URL(location).host.toLowerCase();
  } catch {
    return location; // a folder: its own "host"
  }
};

/**
 * The locations in an order that visits every host before any host's second feed: ten feeds of
 * one outlet in a row would fill the workers with requests waiting on that host's two slots.
 * Failing locations go first (and their hosts with them): one that times out again then waits
 * beside the others' work instead of forming the tick's tail.
 */
export function interleaveHosts<T extends { location: string; failures: number }>(locations: readonly T[]): T[] {
  const byHost = new Map<string, T[]>();
  for (const location of [...locations].sort((a, b) => b.failures - a.failures)) {
    const host = hostOf(location.location);
    const list = byHost.get(host);
    if (list) list.push(location);
    else byHost.set(host, [location]);
  }
  const lists = [...byHost.values()];
  const ordered: T[] = [];
  for (let round = 0; ordered.length < locations.length; round++)
    for (const list of lists) if (round < list.length) ordered.push(list[round]!);
  return ordered;
}
