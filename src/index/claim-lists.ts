import { type IndexedClaim, insertByDay, outOfDayOrder, sortByDay } from './records.js';

type Lists = Map<string, IndexedClaim[]>;
/** Which of a claim's names changed. */
export interface NameFields {
  claimant: boolean;
  via: boolean;
}
const EVERY_NAME: NameFields = { claimant: true, via: true };

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
    this.eachNamedList(claim, EVERY_NAME, (map, key) => file(map, key, claim));
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
  unfileNames(claims: readonly IndexedClaim[], fields: NameFields): void {
    const leaving = new Set(claims);
    for (const [map, key] of this.namedLists(claims, fields)) {
      const kept = map.get(key)?.filter((claim) => !leaving.has(claim));
      if (kept?.length) map.set(key, kept);
      else map.delete(key);
    }
  }

  /** After: the claims join the lists their names now make, each list sorted once. */
  fileNames(claims: readonly IndexedClaim[], fields: NameFields): void {
    const joining = new Map<Lists, Map<string, IndexedClaim[]>>();
    for (const claim of claims)
      this.eachNamedList(claim, fields, (map, key) => {
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

  private namedLists(claims: readonly IndexedClaim[], fields: NameFields): Array<[Lists, string]> {
    const keys = new Map<Lists, Set<string>>([
      [this.byClaimant, new Set()],
      [this.byRelay, new Set()],
    ]);
    for (const claim of claims) this.eachNamedList(claim, fields, (map, key) => keys.get(map)!.add(key));
    return [...keys].flatMap(([map, names]) => [...names].map((key): [Lists, string] => [map, key]));
  }

  /**
   * The lists a claim's names file it in, as file does; only those the changed fields decide
   * (an outlet's list holds hundreds of thousands of claims a claimant merge leaves where they are).
   */
  private eachNamedList(claim: IndexedClaim, fields: NameFields, visit: (map: Lists, key: string) => void): void {
    const outlet = claim.article.outletName;
    if (fields.claimant && claim.claimant) visit(this.byClaimant, claim.claimant);
    if (fields.via && claim.via) visit(this.byRelay, claim.via);
    if (fields.via && outlet && outlet !== claim.via) visit(this.byRelay, outlet);
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
