import { isAbsolute, join } from 'node:path';
import { BUILT_IN_NAMES, type Command, type CommandContext, commandRegistry } from '../../commands/index.js';
import { compileLexicon } from '../extract/index.js';
import { ClaimIndex } from '../index/claim-index.js';
import { loadDataFiles } from '../newsroom/data-files.js';
import type { DefaultSource } from '../newsroom/data-schema.js';
import { registerSource } from '../newsroom/ingest.js';
import { type FileOutcome, ingestFiles } from '../newsroom/ingest-files.js';
import { type AlertSettings, DEFAULT_ALERT_SETTINGS, type Newsroom } from '../newsroom/newsroom.js';
import { withStoredTopics } from '../newsroom/reload.js';
import { RouteChangeSignal } from '../newsroom/route-changes.js';
import { createFetcher, type Fetcher } from '../sources/fetch.js';
import { articleFiles } from '../sources/folder.js';
import { sqliteStorePort } from '../store/sqlite-store-port.js';
import { Store } from '../store/store.js';

/** Everything a running claimwatch holds: the store, the index built from it, the commands. */
export interface App extends Newsroom {
  /** The data folder the lexicon and default sources came from. */
  dataDir: string;
  defaultSources: DefaultSource[];
  commands: Command[];
  routeChanges: RouteChangeSignal;
}

export interface AppOptions {
  /** Defaults to one that refuses private addresses, as production should. */
  fetcher?: Fetcher;
  alertSettings?: AlertSettings;
  /** False: a missing folder for the store is an error, not created (the bot). */
  createStoreFolder?: boolean;
}

export const USER_AGENT = 'claimwatch/0.1 (Discord bot for newsrooms; +https://github.com/claimwatch/claimwatch)';

export function openApp(dbPath: string, dataDir: string, options: AppOptions = {}): App {
  const { lexicon: lexiconData, sources: defaultSources } = loadDataFiles(dataDir, {
    reservedCommands: BUILT_IN_NAMES,
  });
  const store = Store.open(dbPath, { createFolder: options.createStoreFolder });
  try {
    const lexicon = withStoredTopics(lexiconData, store.topics.all());
    const index = ClaimIndex.load(store, lexicon);
    return {
      store,
      port: sqliteStorePort(store),
      index,
      dataDir,
      lexicon: compileLexicon(lexicon),
      lexiconData,
      defaultSources,
      commands: commandRegistry(lexiconData.topics),
      fetcher: options.fetcher ?? createFetcher({ allowPrivate: false, userAgent: USER_AGENT }),
      alertSettings: options.alertSettings ?? DEFAULT_ALERT_SETTINGS,
      routeChanges: new RouteChangeSignal(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

export function commandContext(app: App, now: Date): CommandContext {
  return { newsroom: app, commands: app.commands, now };
}

/**
 * The default sources of data/sources.json for this mode, every server's to read. Folders are
 * scanned now; articles already stored are recognised by identity and skipped.
 */
export async function loadDefaultFolders(app: App, mode: 'console' | 'discord', now: Date): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const def of app.defaultSources) {
    if (def.kind !== 'folder' || (def.mode && def.mode !== mode)) continue;
    const location = isAbsolute(def.location) ? def.location : join(app.dataDir, def.location);
    const source = await registerSource(app, { name: def.name, kind: 'folder', location }, now);
    outcomes.push(...(await ingestFiles(app, articleFiles(location), source, now)));
  }
  return outcomes;
}
