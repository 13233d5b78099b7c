/** Who asks, when, and the zone their server shows times and reads "yesterday" in. */
export interface Asker {
  guildId: string | null;
  now: Date;
  timeZone: string;
}
