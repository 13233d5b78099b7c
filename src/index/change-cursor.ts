/**
 * Where a follower stands in the store's change log. Ids are handed out when a writer inserts,
 * but become visible when it commits, so a later id can be seen before an earlier one: an id
 * skipped is held as pending and read again until it shows up or is older than any
 * transaction lives (a rolled-back writer's id never shows up).
 */
const MOST_IN_FLIGHT = 10_000;

export class ChangeCursor {
  /** Skipped ids, with when they were first found missing. */
  private readonly pending = new Map<number, number>();

  constructor(
    private last: number,
    pending: readonly number[] = [],
    now = new Date(),
    private readonly waitMs = 60_000,
  ) {
    for (const id of pending) this.pending.set(id, now.getTime());
  }

  /** Read changes after this id: the oldest still pending, else the last seen. */
  from(now: Date): number {
    for (const [id, since] of this.pending) if (now.getTime() - since > this.waitMs) this.pending.delete(id);
    let from = this.last;
    for (const id of this.pending.keys()) from = Math.min(from, id - 1);
    return from;
  }

  /** Takes the ids just read; answers which of them are new to this follower. */
  advance(ids: readonly number[], now: Date): number[] {
    const fresh: number[] = [];
    for (const id of ids) {
      if (this.pending.delete(id)) fresh.push(id);
      else if (id > this.last) {
        // A jump past any run of writers in flight (a sequence moved by hand) is not waited on.
        for (let skipped = Math.max(this.last + 1, id - MOST_IN_FLIGHT); skipped < id; skipped++)
          this.pending.set(skipped, now.getTime());
        this.last = id;
        fresh.push(id);
      }
    }
    return fresh;
  }

  get position(): number {
    return this.last;
  }
}
