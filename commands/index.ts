import type { TopicDef } from '../src/extract/index.js';
import { alerts } from './alerts.js';
import { claim } from './claim.js';
import { claimants } from './claimants.js';
import { correction } from './correction.js';
import { exportCommand } from './export.js';
import { help } from './help.js';
import { search } from './search.js';
import { settings } from './settings.js';
import { source } from './source.js';
import { sources } from './sources.js';
import { topic } from './topic.js';
import { topicCommand } from './topic-shortcut.js';
import { topics } from './topics.js';
import type { Command } from './types.js';

export type { Command, CommandContext, CommandInput } from './types.js';

/**
 * The one registry of slash commands: deploy, dispatch, /help and the tests read it.
 * Topic commands come from data/topics.json, so a newsroom adds a story's topic without code.
 */
export function commandRegistry(topics: readonly TopicDef[]): Command[] {
  const topicCommands = topics
    .filter((t): t is TopicDef & { command: string } => typeof t.command === 'string')
    .map(topicCommand);
  return [...topicCommands, ...BUILT_IN];
}

const BUILT_IN: readonly Command[] = [
  source,
  search,
  claim,
  topic,
  exportCommand,
  sources,
  topics,
  claimants,
  alerts,
  correction,
  settings,
  help,
];

/** Names a topic's shortcut command may not take. */
export const BUILT_IN_NAMES: readonly string[] = BUILT_IN.map((c) => c.data.name);
