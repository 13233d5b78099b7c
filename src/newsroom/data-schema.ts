/**
 * The shapes of data/topics.json, entities.json and sources.json: files a newsroom edits by hand,
 * so a typo is named with its file and place rather than silently doing nothing.
 */
import { z } from 'zod';

const MAX_WORDS = 500;

const word = z.string().trim().min(1, 'is empty').max(100, 'is longer than 100 characters');
const wordList = z.array(word).max(MAX_WORDS, `holds more than ${MAX_WORDS} entries`);
const note = z.string().optional();

export const topicSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1 to 32 lower-case letters, digits or dashes, e.g. "flood-deaths"'),
  label: z.string().trim().min(1, 'is empty').max(100, 'is longer than 100 characters'),
  command: z
    .string()
    .regex(/^[a-z0-9_-]{1,32}$/, 'must be 1 to 32 lower-case letters, digits, - or _ (a Discord command name)')
    .optional(),
  units: wordList.min(1, 'needs at least one unit'),
  words: wordList,
  subjects: wordList.optional(),
  story: word.optional(),
  exclude: wordList.optional(),
  measures: z.record(word, wordList.min(1, 'needs at least one unit')).optional(),
  note,
});

export const entitySchema = z.strictObject({
  name: word,
  kind: z.enum(['agency', 'government', 'person', 'outlet']),
  aliases: wordList,
  for: z
    .union([
      word,
      z.array(
        z.strictObject({
          body: word,
          from: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
            .optional(),
          to: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
            .optional(),
        }),
      ),
    ])
    .optional(),
  role: z.enum(['lawmaker']).optional(),
  note,
});

export const sourceSchema = z.strictObject({
  name: word,
  kind: z.enum(['folder', 'feed']),
  location: word,
  mode: z.enum(['console', 'discord']).optional(),
  note,
});

export const topicsFile = z.strictObject({ topics: z.array(topicSchema), note });
export const entitiesFile = z.strictObject({ entities: z.array(entitySchema), note });
export const sourcesFile = z.strictObject({ sources: z.array(sourceSchema), note });

export type DefaultSource = z.infer<typeof sourceSchema>;

/** "topics[2].units[0]" from zod's path. */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
