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
    const outlet = claim.article.outletName;
    if (claim.claimant) file(this.byClaimant, claim.claimant, claim);
    if (claim.via) file(this.byRelay, claim.via, claim);
    if (outlet && outlet !== claim.via) file(this.byRelay, outlet, claim);
    file(this.byDay, claim.article.day, claim);
  }

  sortAppended(): void {
    for (const list of this.unsorted) sortByDay(list);
    this.unsorted.clear();
  }

  /** A correction gave the claim another claimant. */
  moveClaimant(claim: IndexedClaim, to: string | null): void {
    if (claim.claimant) removeFrom(this.byClaimant, claim.claimant, claim);
    if (to) insertInto(this.byClaimant, to, claim);
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

function removeFrom(map: Lists, key: string, claim: IndexedClaim): void {
  const list = map.get(key);
  const at = list?.indexOf(claim) ?? -1;
  if (list && at >= 0) list.splice(at, 1);
}

function insertInto(map: Lists, key: string, claim: IndexedClaim): void {
  const list = map.get(key);
  if (list) insertByDay(list, claim);
  else map.set(key, [claim]);
}
