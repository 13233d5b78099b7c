/** What moderators' commands tell when a briefing schedule is set or removed. */
export interface RouteChanges {
  digestsChanged(): void;
}

/**
 * The app's side of that port: whoever follows it (the scheduler, to reschedule its briefings)
 * hears every change until it stops following.
 */
export class RouteChangeSignal implements RouteChanges {
  private readonly listeners = new Set<() => void>();

  /** Returns the call that stops following. */
  follow(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  digestsChanged(): void {
    for (const listener of this.listeners) listener();
  }
}
