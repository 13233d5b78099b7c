import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityDef, Lexicon, TopicDef } from '../extract/index.js';

const KINDS = new Set(['agency', 'government', 'person', 'outlet']);

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}

function checkTopics(value: unknown, path: string): TopicDef[] {
  const topics = (value as { topics?: unknown }).topics;
  if (!Array.isArray(topics)) throw new Error(`${path}: expected {"topics": [...]}`);
  topics.forEach((t: Partial<TopicDef>, i) => {
    if (
      typeof t.key !== 'string' ||
      typeof t.label !== 'string' ||
      !Array.isArray(t.units) ||
      !Array.isArray(t.words)
    ) {
      throw new Error(`${path}: topic ${i} needs key, label, units[] and words[]`);
    }
    if (t.measures !== undefined && !Object.values(t.measures).every(Array.isArray)) {
      throw new Error(`${path}: topic ${i} measures must map a label to a list of units`);
    }
  });
  return topics as TopicDef[];
}

function checkEntities(value: unknown, path: string): EntityDef[] {
  const entities = (value as { entities?: unknown }).entities;
  if (!Array.isArray(entities)) throw new Error(`${path}: expected {"entities": [...]}`);
  entities.forEach((e: Partial<EntityDef>, i) => {
    if (typeof e.name !== 'string' || !KINDS.has(e.kind as string) || !Array.isArray(e.aliases)) {
      throw new Error(`${path}: entity ${i} needs name, kind (agency|government|person|outlet) and aliases[]`);
    }
  });
  return entities as EntityDef[];
}

/** The story's topics and the names of who speaks in it: data a newsroom edits. */
export function loadLexicon(dataDir: string): Lexicon {
  const topicsPath = join(dataDir, 'topics.json');
  const entitiesPath = join(dataDir, 'entities.json');
  return {
    topics: checkTopics(readJson(topicsPath), topicsPath),
    entities: checkEntities(readJson(entitiesPath), entitiesPath),
  };
}
