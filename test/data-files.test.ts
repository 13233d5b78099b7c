import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_NAMES } from '../commands/index.js';
import { DATA_DIR } from '../src/config.js';
import { DataError, loadDataFiles } from '../src/newsroom/data-files.js';
import { BOT_ENTRY } from './support/bot-process.js';

/** A data folder holding the repository's files, with some replaced by the test's own. */
function dataFolder(files: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-data-'));
  for (const name of ['topics.json', 'entities.json', 'sources.json'])
    copyFileSync(join(DATA_DIR, name), join(dir, name));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function problemsOf(dir: string): readonly string[] {
  try {
    loadDataFiles(dir, { reservedCommands: BUILT_IN_NAMES });
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
  throw new Error('expected a DataError');
}

const topic = (overrides: Record<string, unknown> = {}) => ({
  key: 'flood-deaths',
  label: 'Deaths in the flood',
  units: ['deaths', 'dead'],
  words: ['flood'],
  ...overrides,
});

describe("the story's data files", () => {
  it('load as they ship', () => {
    const { lexicon, sources } = loadDataFiles(DATA_DIR, { reservedCommands: BUILT_IN_NAMES });
    expect(lexicon.topics.map((t) => t.key)).toEqual(['troops', 'casualties', 'munitions']);
    expect(lexicon.entities.length).toBeGreaterThan(50);
    expect(sources[0]?.kind).toBe('folder');
  });

  it('name every problem in every file at once, each with its file and place', () => {
    const dir = dataFolder({
      'topics.json': { topics: [topic({ units: [], unit: ['x'] }), topic({ key: 'Flood Deaths' })] },
      'entities.json': { entities: [{ name: 'WHO', kind: 'charity', aliases: ['World Health Organization'] }] },
      'sources.json': { sources: [{ name: 'Wire', kind: 'folder' }] },
    });
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/topics\.json: topics\[0\]\.units needs at least one unit$/),
        expect.stringMatching(/topics\.json: topics\[0\]: Unrecognized key: "unit"/),
        expect.stringMatching(/topics\.json: topics\[1\]\.key must be 1 to 32 lower-case letters/),
        expect.stringMatching(/entities\.json: entities\[0\]\.kind: Invalid option/),
        expect.stringMatching(/sources\.json: sources\[0\]\.location: Invalid input/),
      ]),
    );
    expect(problems.every((p) => p.startsWith(dir))).toBe(true);
  });

  it('refuse a duplicate topic key, a command a built-in owns, and a measure counting a unit the topic lacks', () => {
    const problems = problemsOf(
      dataFolder({
        'topics.json': {
          topics: [
            topic(),
            topic({ label: 'Again', command: BUILT_IN_NAMES[0], measures: { deaths: ['deaths', 'bodies'] } }),
          ],
        },
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/topics\[1\]\.key: the key "flood-deaths" is already used at .*topics\[0\]\.key$/),
      expect.stringMatching(new RegExp(`topics\\[1\\]\\.command "${BUILT_IN_NAMES[0]}" is a built-in command`)),
      expect.stringMatching(/topics\[1\]\.measures\.deaths counts "bodies", which is not one of the topic's units/),
    ]);
  });

  it('refuse an alias two entities answer to and a spokesperson for nobody', () => {
    const problems = problemsOf(
      dataFolder({
        'entities.json': {
          entities: [
            { name: 'AFAD', kind: 'agency', aliases: ['Disaster Authority'] },
            { name: 'Red Crescent', kind: 'agency', aliases: ['disaster authority'] },
            { name: 'Yunus Sezer', kind: 'person', aliases: [], for: 'Disaster Agency' },
          ],
        },
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/entities\[1\] and entities\[0\] both answer to "disaster authority"/),
      expect.stringMatching(/entities\[2\]\.for names "Disaster Agency", which is no entity's name/),
    ]);
  });

  it('name a file that is not JSON, and still check the others', () => {
    const problems = problemsOf(
      dataFolder({ 'topics.json': '{"topics": [', 'sources.json': { sources: [{ name: '', kind: 'folder' }] } }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/topics\.json: cannot be read as JSON/),
        expect.stringMatching(/sources\.json: sources\[0\]\.name is empty/),
      ]),
    );
  });

  it('stop npm start with the problems listed and no stack trace', async () => {
    const dir = dataFolder({ 'topics.json': { topics: [topic({ label: '' })] } });
    const child = spawn(process.execPath, BOT_ENTRY, {
      env: { ...process.env, CLAIMWATCH_DATA: dir, CLAIMWATCH_DB: join(dir, 'claimwatch.db'), DISCORD_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toMatch(/The data files have a problem:\n- .*topics\.json: topics\[0\]\.label is empty/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
