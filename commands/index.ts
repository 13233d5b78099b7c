import type { TopicDef } from '../src/extract/index.js';
import type { Command } from './types.js';

/**
 * The one registry of slash commands: deploy, dispatch, /help and the tests read it.
 * Topic commands come from data/topics.json, so a newsroom adds a story's topic without code.
 */
export function commandRegistry(topics: readonly TopicDef[]): Command[] {
  void topics;
  return [];
}
