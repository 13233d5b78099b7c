import { isAbsolute, join } from 'node:path';
import { BUILT_IN_NAMES, type Command, type CommandContext, commandRegistry } from '../../commands/index.js';
import { compileLexicon, type Lexicon } from '../extract/index.js';
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
import type { StorePort } from '../store/store-port.js';

/** Everything a running claimwatch holds: the store, the index built from it, the commands. */
export interface App extends Newsroom {
  /** The data folder the lexicon and default sources came from. */
  dataDir: string;
  defaultSources: DefaultSource[];
  commands: Command[];
  routeChanges: RouteChangeSignal;
  /**
   * Brings the index up to what other processes wrote to a shared store; answers how many of
   * their changes it took. A store only this process writes (SQLite) has none.
   */
  catchUp(now: Date): Promise<number>;
  close(): Promise<void>;
}

/** The app on its SQLite file, which tests and tools may also read directly. */
export interface SqliteApp extends App {
  store: Store;
}

export interface AppOptions {
  /** Defaults to one that refuses private addresses, as production should. */
  fetcher?: Fetcher;
  alertSettings?: AlertSettings;
  /** False: a missing folder for the store is an error, not created (the bot). */
  createStoreFolder?: boolean;
}

export const USER_AGENT = 'claimwatch/0.1 (Discord bot for newsrooms; +https://github.com/claimwatch/claimwatch)';

export const dataFilesOf = (dataDir: string) => loadDataFiles(dataDir, { reservedCommands: BUILT_IN_NAMES });

/** The parts of an app either store assembles the same way. */
export function assembleApp(
  parts: { port: StorePort; index: ClaimIndex; lexicon: Lexicon; dataDir: string },
  data: ReturnType<typeof dataFilesOf>,
  options: AppOptions,
): Omit<App, 'catchUp' | 'close'> {
  return {
    port: parts.port,
    index: parts.index,
    dataDir: parts.dataDir,
    lexicon: compileLexicon(parts.lexicon),
    lexiconData: data.lexicon,
    defaultSources: data.sources,
    commands: commandRegistry(data.lexicon.topics),
    fetcher: options.fetcher ?? createFetcher({ allowPrivate: false, userAgent: USER_AGENT }),
    alertSettings: options.alertSettings ?? DEFAULT_ALERT_SETTINGS,
    routeChanges: new RouteChangeSignal(),
  };
}

export function openApp(dbPath: string, dataDir: string, options: AppOptions = {}): SqliteApp {
  const data = dataFilesOf(dataDir);
  const store = Store.open(dbPath, { createFolder: options.createStoreFolder });
  try {
    const lexicon = withStoredTopics(data.lexicon, store.topics.all());
    const index = ClaimIndex.load(store, lexicon);
    const port = sqliteStorePort(store);
    return {
      ...assembleApp({ port, index, lexicon, dataDir }, data, options),
      store,
      catchUp: async () => 0,
      close: () => port.close(),
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
