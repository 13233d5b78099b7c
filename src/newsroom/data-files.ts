/**
 * Reads the data folder's story files and checks them the way loadConfig checks the environment:
 * every problem in every file at once, each with its file, place and what is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { EntityDef, Lexicon, TopicDef } from '../extract/index.js';
import { type DefaultSource, entitiesFile, pathText, sourcesFile, topicsFile } from './data-schema.js';

/** Every problem found in the data files; the message is one line each, safe to print. */
export class DataError extends Error {
  override readonly name = 'DataError';

  constructor(readonly problems: readonly string[]) {
    super(
      `The data files have ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
}

export interface DataFiles {
  lexicon: Lexicon;
  sources: DefaultSource[];
}

export interface DataCheckOptions {
  /** Names the registry gives its own commands: a topic's command may not take one. */
  reservedCommands?: readonly string[];
}

function readFile<T>(dir: string, name: string, schema: z.ZodType<T>, problems: string[]): T | undefined {
  const path = join(dir, name);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    problems.push(`${path}: cannot be read as JSON (${reason})`);
    return undefined;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const where = pathText(issue.path) || 'the file';
    // Our messages read on from the place ("units needs..."); zod's own start a sentence.
    problems.push(`${path}: ${where}${/^[A-Z]/.test(issue.message) ? ': ' : ' '}${issue.message}`);
  }
  return undefined;
}

/** Each value seen once; a second sighting is a problem told with where both are. */
function checkUnique(values: Array<{ value: string; at: string }>, what: string, problems: string[]): void {
  const seen = new Map<string, string>();
  for (const { value, at } of values) {
    const first = seen.get(value.toLowerCase());
    if (first !== undefined) problems.push(`${at}: ${what} ${JSON.stringify(value)} is already used at ${first}`);
    else seen.set(value.toLowerCase(), at);
  }
}

function checkTopics(path: string, topics: readonly TopicDef[], reserved: readonly string[], problems: string[]): void {
  checkUnique(
    topics.map((t, i) => ({ value: t.key, at: `${path}: topics[${i}].key` })),
    'the key',
    problems,
  );
  checkUnique(
    topics.flatMap((t, i) => (t.command ? [{ value: t.command, at: `${path}: topics[${i}].command` }] : [])),
    'the command',
    problems,
  );
  topics.forEach((topic, i) => {
    if (topic.command && reserved.includes(topic.command)) {
      problems.push(`${path}: topics[${i}].command "${topic.command}" is a built-in command; choose another name`);
    }
    for (const [measure, units] of Object.entries(topic.measures ?? {})) {
      for (const unit of units.filter((u) => !topic.units.includes(u))) {
        problems.push(
          `${path}: topics[${i}].measures.${measure} counts "${unit}", which is not one of the topic's units`,
        );
      }
    }
  });
}

function checkEntities(path: string, entities: readonly EntityDef[], problems: string[]): void {
  checkUnique(
    entities.map((e, i) => ({ value: e.name, at: `${path}: entities[${i}].name` })),
    'the name',
    problems,
  );
  const owner = new Map<string, number>();
  entities.forEach((entity, i) => {
    for (const alias of new Set([entity.name, ...entity.aliases].map((a) => a.toLowerCase()))) {
      const other = owner.get(alias);
      if (other !== undefined && other !== i) {
        problems.push(
          `${path}: entities[${i}] and entities[${other}] both answer to "${alias}"; keep it on one of them`,
        );
      } else owner.set(alias, i);
    }
  });
  const names = new Set(entities.map((e) => e.name));
  entities.forEach((entity, i) => {
    const bodies = typeof entity.for === 'string' ? [entity.for] : (entity.for ?? []).map((role) => role.body);
    for (const body of bodies.filter((b) => !names.has(b))) {
      problems.push(`${path}: entities[${i}].for names "${body}", which is no entity's name`);
    }
  });
}

/** The story's topics, who speaks in it, and the default sources; throws one DataError naming every problem. */
export function loadDataFiles(dataDir: string, options: DataCheckOptions = {}): DataFiles {
  const problems: string[] = [];
  const topics = readFile(dataDir, 'topics.json', topicsFile, problems)?.topics ?? [];
  const entities = readFile(dataDir, 'entities.json', entitiesFile, problems)?.entities ?? [];
  const sources = readFile(dataDir, 'sources.json', sourcesFile, problems)?.sources ?? [];
  checkTopics(join(dataDir, 'topics.json'), topics, options.reservedCommands ?? [], problems);
  checkEntities(join(dataDir, 'entities.json'), entities, problems);
  checkUnique(
    sources.map((s, i) => ({ value: s.name, at: `${join(dataDir, 'sources.json')}: sources[${i}].name` })),
    'the name',
    problems,
  );
  if (problems.length > 0) throw new DataError(problems);
  return { lexicon: { topics, entities }, sources };
}

/** The lexicon alone, for callers that need no sources (extraction, deploy, eval). */
export function loadLexicon(dataDir: string, options: DataCheckOptions = {}): Lexicon {
  return loadDataFiles(dataDir, options).lexicon;
}
