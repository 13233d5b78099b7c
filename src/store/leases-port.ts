/** Named leases: one holder at a time (the poller), taken over once the holder stops renewing. */
export interface Leases {
  /** Takes or renews `name` for `holder` until now + ttlMs; false while another live holder has it. */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once (a clean shutdown), so the next process need not wait it out. */
  release(name: string, holder: string): Promise<void>;
  holder(name: string, now: Date): Promise<string | null>;
}
