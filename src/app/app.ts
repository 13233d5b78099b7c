import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { type Command, type CommandContext, commandRegistry } from '../../commands/index.js';
import { compileLexicon, type Lexicon } from '../extract/index.js';
import { ClaimIndex } from '../index/claim-index.js';
import { registerSource } from '../newsroom/ingest.js';
import { type FileOutcome, ingestFiles } from '../newsroom/ingest-files.js';
import { loadLexicon } from '../newsroom/lexicon-files.js';
import { type AlertSettings, DEFAULT_ALERT_SETTINGS, type Newsroom } from '../newsroom/newsroom.js';
import { RouteChangeSignal } from '../newsroom/route-changes.js';
import { createFetcher, type Fetcher } from '../sources/fetch.js';
import { articleFiles } from '../sources/folder.js';
import { Store } from '../store/store.js';

/** Everything a running claimwatch holds: the store, the index built from it, the commands. */
export interface App extends Newsroom {
  lexiconData: Lexicon;
  commands: Command[];
  routeChanges: RouteChangeSignal;
}

export interface AppOptions {
  /** Defaults to one that refuses private addresses, as production should. */
  fetcher?: Fetcher;
  alertSettings?: AlertSettings;
}

export const USER_AGENT = 'claimwatch/0.1 (Discord bot for newsrooms; +https://github.com/claimwatch/claimwatch)';

export function openApp(dbPath: string, dataDir: string, options: AppOptions = {}): App {
  const lexiconData = loadLexicon(dataDir);
  const store = Store.open(dbPath);
  try {
    const index = ClaimIndex.load(store, lexiconData);
    return {
      store,
      index,
      lexicon: compileLexicon(lexiconData),
      lexiconData,
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

interface DefaultSource {
  name: string;
  kind: string;
  location: string;
  mode?: 'console' | 'discord';
}

function readDefaults(dataDir: string): DefaultSource[] {
  const path = join(dataDir, 'sources.json');
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { sources?: DefaultSource[] };
  if (!Array.isArray(parsed.sources)) throw new Error(`${path}: expected {"sources": [...]}`);
  return parsed.sources;
}

/**
 * The default sources of data/sources.json for this mode, every server's to read. Folders are
 * scanned now; articles already stored are recognised by identity and skipped.
 */
export function loadDefaultFolders(app: App, dataDir: string, mode: 'console' | 'discord', now: Date): FileOutcome[] {
  const outcomes: FileOutcome[] = [];
  for (const def of readDefaults(dataDir)) {
    if (def.kind !== 'folder' || (def.mode && def.mode !== mode)) continue;
    const location = isAbsolute(def.location) ? def.location : join(dataDir, def.location);
    const source = registerSource(app, { name: def.name, kind: 'folder', location }, now);
    outcomes.push(...ingestFiles(app, articleFiles(location), source, now));
  }
  return outcomes;
}
