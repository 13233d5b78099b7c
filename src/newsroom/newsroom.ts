import type { Lexicon } from '../extract/index.js';
import type { Fetcher } from '../sources/fetch.js';
import type { Ingestion } from './ingest.js';
import type { RouteChanges } from './route-changes.js';

/** Settings polling and alerting read; the config's ALERT_* values, or the defaults below. */
export interface AlertSettings {
  /** Cron schedules (ALERT_CRON, briefings) are read in this IANA zone. */
  timeZone: string;
  /** Alerts one channel may get per tick before the rest fold into a digest. */
  perChannelPerTick: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { timeZone: 'UTC', perChannelPerTick: 5 };

/** What sources, alerts and moderators' commands work on: the store and index, and a careful fetcher. */
export interface Newsroom extends Ingestion {
  /** The data files' lexicon: the defaults every server starts from, before topics added by command. */
  lexiconData: Lexicon;
  fetcher: Fetcher;
  alertSettings: AlertSettings;
  /** Told when a briefing schedule is set or removed, so the scheduler can follow it. */
  routeChanges: RouteChanges;
}
