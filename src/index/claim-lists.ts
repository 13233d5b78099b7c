import { type IndexedClaim, insertByDay, outOfDayOrder, sortByDay } from './records.js';

type Lists = Map<string, IndexedClaim[]>;

/** Claims by claimant, by the outlet relaying or publishing them, and by day: each list by day, then id. */
export class ClaimLists {
  readonly byClaimant: Lists = new Map();
  readonly byRelay: Lists = new Map();
  readonly byDay: Lists = new Map();
  /** While loading: the lists a claim was appended to out of day order, sorted once at the end. */
  private readonly unsorted = new Set<IndexedClaim[]>();

  /** In bulk (loading) a claim is appended, and sortAppended puts the lists it upset in order. */
  file(claim: IndexedClaim, bulk: boolean): void {
    const file = bulk ? this.append : insertInto;
    this.eachNamedList(claim, (map, key) => file(map, key, claim));
    file(this.byDay, claim.article.day, claim);
  }

  sortAppended(): void {
    for (const list of this.unsorted) sortByDay(list);
    this.unsorted.clear();
  }

  /**
   * Before corrections give claims another claimant or via: they leave the lists they were in.
   * Each list is filtered once however many of its claims leave (a merge may move thousands).
   */
  unfileNames(claims: readonly IndexedClaim[]): void {
    const leaving = new Set(claims);
    for (const [map, key] of this.namedLists(claims)) {
      const kept = map.get(key)?.filter((claim) => !leaving.has(claim));
      if (kept?.length) map.set(key, kept);
      else map.delete(key);
    }
  }

  /** After: the claims join the lists their names now make, each list sorted once. */
  fileNames(claims: readonly IndexedClaim[]): void {
    const joining = new Map<Lists, Map<string, IndexedClaim[]>>();
    for (const claim of claims)
      this.eachNamedList(claim, (map, key) => {
        const byKey = joining.get(map) ?? joining.set(map, new Map()).get(map)!;
        const list = byKey.get(key);
        if (list) list.push(claim);
        else byKey.set(key, [claim]);
      });
    for (const [map, byKey] of joining)
      for (const [key, added] of byKey) {
        const list = map.get(key);
        if (list && added.length === 1) insertByDay(list, added[0]!);
        else {
          const merged = [...(list ?? []), ...added];
          sortByDay(merged);
          map.set(key, merged);
        }
      }
  }

  private namedLists(claims: readonly IndexedClaim[]): Array<[Lists, string]> {
    const keys = new Map<Lists, Set<string>>([
      [this.byClaimant, new Set()],
      [this.byRelay, new Set()],
    ]);
    for (const claim of claims) this.eachNamedList(claim, (map, key) => keys.get(map)!.add(key));
    return [...keys].flatMap(([map, names]) => [...names].map((key): [Lists, string] => [map, key]));
  }

  /** The lists a claim's names file it in, as file does. */
  private eachNamedList(claim: IndexedClaim, visit: (map: Lists, key: string) => void): void {
    const outlet = claim.article.outletName;
    if (claim.claimant) visit(this.byClaimant, claim.claimant);
    if (claim.via) visit(this.byRelay, claim.via);
    if (outlet && outlet !== claim.via) visit(this.byRelay, outlet);
  }

  /** Every claim, by day then id. */
  inOrder(): IndexedClaim[] {
    return [...this.byDay.keys()].sort().flatMap((day) => this.byDay.get(day)!);
  }

  private readonly append = (map: Lists, key: string, claim: IndexedClaim) => {
    const list = map.get(key);
    if (!list) return void map.set(key, [claim]);
    if (outOfDayOrder(list[list.length - 1], claim)) this.unsorted.add(list);
    list.push(claim);
  };
}

function insertInto(map: Lists, key: string, claim: IndexedClaim): void {
  const list = map.get(key);
  if (list) insertByDay(list, claim);
  else map.set(key, [claim]);
}
