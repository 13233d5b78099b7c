import { describe, expect, it } from 'vitest';
import { commandRegistry } from '../commands/index.js';
import type { OptionJSON } from '../commands/types.js';
import { helpAnswer } from '../src/answers/help.js';
import { DATA_DIR } from '../src/config.js';
import type { TopicDef } from '../src/extract/index.js';
import { loadLexicon } from '../src/newsroom/data-files.js';

const topics = loadLexicon(DATA_DIR).topics;
const registry = commandRegistry(topics);
const bodies = registry.map((c) => c.data.toJSON());
// Discord's rules for command and option names (lower case, 1-32 characters).
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

describe('the command registry', () => {
  it('has one topic command per topic that data/topics.json names a command for, then the rest', () => {
    expect(bodies.map((b) => b.name)).toEqual([
      ...topics.filter((t) => t.command).map((t) => t.command),
      'source',
      'search',
      'claim',
      'topic',
      'export',
      'sources',
      'topics',
      'claimants',
      'alerts',
      'correction',
      'settings',
      'help',
    ]);
  });

  it('grows a command when a newsroom adds a topic to the data, with no code', () => {
    const weather: TopicDef = {
      key: 'drones',
      label: 'Drones supplied',
      command: 'drones',
      units: ['drones'],
      words: ['drone'],
    };
    expect(commandRegistry([...topics, weather]).map((c) => c.data.name)).toContain('drones');
  });

  it('gives Discord names and descriptions it accepts, with no name twice', () => {
    expect(new Set(bodies.map((b) => b.name)).size).toBe(bodies.length);
    const check = (o: { name: string; description: string; options?: OptionJSON[] }) => {
      expect(o.name).toMatch(NAME);
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
      o.options?.forEach(check);
    };
    bodies.forEach(check);
  });

  it('lists every command in /help, with its usage', () => {
    const lines = helpAnswer(bodies)
      .sections.flatMap((s) => s.lines)
      .join('\n');
    for (const body of bodies) expect(lines).toContain(`\`/${body.name}`);
    expect(lines).toContain('`/topic <name> [since] [claimant] [chart]`');
    // Each subcommand in a code span of its own: one span across lines shows as a code block.
    expect(lines).toContain('`/sources add <name> <url> [topics]`, `/sources list`');
    for (const line of helpAnswer(bodies).sections.flatMap((s) => s.lines)) expect(line).not.toContain('\n');
  });

  it('offers autocomplete only where the command can answer it', () => {
    for (const command of registry) {
      // A command with subcommands declares its options one level down.
      const options = (command.data.toJSON().options ?? []).flatMap((o) => [o, ...(o.options ?? [])]);
      const wantsAutocomplete = options.some((o) => o.autocomplete);
      expect(typeof command.autocomplete === 'function').toBe(wantsAutocomplete);
    }
  });
});
