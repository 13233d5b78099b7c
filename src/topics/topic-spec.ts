/** What a moderator types for a topic, checked before anything changes. */
import { UserError } from '../errors.js';
import type { TopicDef } from '../extract/index.js';
import { escapeMarkdown } from '../format/markdown.js';

const KEY = /^[a-z0-9][a-z0-9-]{0,31}$/;
const MAX_ENTRIES = 100;
const MAX_ENTRY = 60;

export interface TopicSpec {
  key: string;
  label?: string | null;
  units?: string | null;
  subjects?: string | null;
  words?: string | null;
  story?: string | null;
}

export function topicKey(typed: string): string {
  const key = typed.trim().toLowerCase();
  if (!KEY.test(key))
    throw new UserError(
      `"${escapeMarkdown(typed.trim().slice(0, 40))}" cannot be a topic key: use 1 to 32 lower-case letters, digits or dashes, e.g. \`flood-deaths\`.`,
    );
  return key;
}

/** "deaths, dead; bodies" to a list: commas or semicolons apart, each entry checked. */
export function wordList(typed: string, what: string, lower: boolean): string[] {
  const entries = [...new Set(typed.split(/[,;]/).map((w) => w.replace(/\s+/g, ' ').trim()))].filter(Boolean);
  if (entries.length === 0) throw new UserError(`Give at least one ${what}, separated by commas.`);
  if (entries.length > MAX_ENTRIES) throw new UserError(`A topic takes at most ${MAX_ENTRIES} ${what}s.`);
  const long = entries.find((w) => w.length > MAX_ENTRY);
  if (long) throw new UserError(`"${escapeMarkdown(long.slice(0, 40))}…" is longer than ${MAX_ENTRY} characters.`);
  return lower ? entries.map((w) => w.toLowerCase()) : entries;
}

function label(typed: string): string {
  const text = typed.replace(/\s+/g, ' ').trim();
  if (!text) throw new UserError('Give the topic a label, for example "Deaths in the Derna floods".');
  if (text.length > 100) throw new UserError('A topic label can be at most 100 characters.');
  return text;
}

/** A new topic's definition: a label, what it counts, and what the story is about. */
export function newTopic(spec: TopicSpec): Omit<TopicDef, 'key'> {
  if (!spec.label || !spec.units || !spec.subjects)
    throw new UserError('A new topic needs a label, its units and its subject words.');
  return changedTopic({ label: '', units: [], words: [], subjects: [] }, spec);
}

/** An existing definition with what the moderator gave replaced; the rest stays. */
export function changedTopic(before: Omit<TopicDef, 'key'>, spec: TopicSpec): Omit<TopicDef, 'key'> {
  const units = spec.units ? wordList(spec.units, 'unit', true) : before.units;
  return {
    label: spec.label ? label(spec.label) : before.label,
    units,
    words: spec.words ? wordList(spec.words, 'word', true) : before.words,
    subjects: spec.subjects ? wordList(spec.subjects, 'subject word', false) : before.subjects,
    story: spec.story ? label(spec.story) : before.story,
    measures: spec.units ? { [units[0]!]: units } : before.measures,
  };
}
