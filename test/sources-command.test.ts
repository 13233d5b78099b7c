import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AutocompleteInput } from '../commands/types.js';
import type { Answer } from '../src/answers/answer.js';
import { commandContext } from '../src/app/app.js';
import { answerAutocomplete, answerCommand } from '../src/app/dispatch.js';
import { optionReader, parseCommandLine } from '../src/console/command-line.js';
import { unescapeMarkdown } from '../src/format/markdown.js';
import { silentLogger } from '../src/log.js';
import { registerSource } from '../src/newsroom/ingest.js';
import { pollDue } from '../src/polling/poll.js';
import { useFeedRig } from './support/feed-rig.js';
import {
  articlePage,
  minutesAfter,
  plain,
  recordingHooks,
  rssFeed,
  T0,
  type TestItem,
  withEtag,
} from './support/feed-server.js';

// /sources through the one error boundary (answerCommand), as Discord and the console reach it,
// over a real SQLite store and feeds served on 127.0.0.1.

const ITEMS: TestItem[] = [
  {
    guid: 'l-2',
    title: 'Losses',
    content:
      "Ukraine's military intelligence said at least 200 North Korean soldiers were killed or wounded near Kursk.",
  },
  {
    guid: 'l-1',
    title: 'Troops',
    content: "Seoul's spy agency said about 3,000 North Korean troops had reached Russia.",
  },
];

const rig = useFeedRig();

beforeEach(() => {
  rig.server.route(
    '/ledger.xml',
    withEtag(() => rssFeed('Eastern Ledger', ITEMS)),
  );
  rig.server.route(
    '/wire.xml',
    withEtag(() => rssFeed('Wire', ITEMS.slice(1))),
  );
});

/** A typed command, read as the console reads it, answered for a server (null: the console). */
function ask(line: string, guildId: string | null, options: { moderator?: boolean; now?: Date } = {}): Promise<Answer> {
  const { app } = rig.temp;
  const parsed = parseCommandLine(
    line,
    app.commands.map((c) => c.data.toJSON()),
  );
  const input = {
    commandName: parsed.name,
    guildId,
    options: optionReader(parsed),
    moderator: options.moderator ?? true,
  };
  return answerCommand(app.commands, input, commandContext(app, options.now ?? T0), silentLogger);
}

async function suggest(guildId: string | null, typed: string, moderator = true) {
  const parsed = parseCommandLine(
    `/sources status ${typed || 'x'}`,
    rig.temp.app.commands.map((c) => c.data.toJSON()),
  );
  const input: AutocompleteInput = {
    commandName: 'sources',
    guildId,
    moderator,
    options: optionReader(parsed),
    focused: { name: 'name', value: typed },
  };
  return (await answerAutocomplete(rig.temp.app.commands, input, commandContext(rig.temp.app, T0), silentLogger)).map(
    (c) => c.value,
  );
}

const lines = (answer: Answer) => answer.sections.flatMap((s) => s.lines);
const own = async (guildId: string) => (await rig.temp.app.port.sourceBook.inScope(guildId)).map((s) => s.name);

describe('/sources add', () => {
  it('reads the feed, indexes its items without alerts and tells only the moderator how many items and claims it found', async () => {
    const answer = await ask(
      `/sources add name:"Eastern Ledger" url:"${rig.server.url('/ledger.xml')}" topics:"troops, Casualties among North Korean troops"`,
      'g1',
    );

    expect(answer).toMatchObject({
      ephemeral: true,
      summary: 'Added **Eastern Ledger**: 2 items, 2 claims; its current items were indexed without alerts.',
    });
    expect(await rig.temp.app.port.sourceBook.find('g1', 'eastern ledger')).toMatchObject({
      kind: 'feed',
      location: rig.server.url('/ledger.xml'),
      topics: ['troops', 'casualties'],
    });
    const hooks = recordingHooks();
    await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);
    expect(hooks.decisions).toEqual([]);
  });

  it.each([
    [
      'an address that answers 404',
      () => rig.server.url('/missing.xml'),
      'Could not read that address: HTTP 404 Not Found. Nothing was added.',
    ],
    [
      'a web page',
      () => rig.server.url('/page.html'),
      'Could not use that address: this is a web page, not a feed: "Kursk report" (use the address of its RSS, Atom or JSON feed instead). Nothing was added.',
    ],
    [
      'an address that is not http(s)',
      () => 'ftp://news.example/feed.xml',
      'Only http:// and https:// feed addresses can be added.',
    ],
    [
      'a folder path, from a server',
      () => 'data/articles',
      "That is not a web address: give the feed's full address, starting with https://",
    ],
  ])('saves nothing when given %s', async (_name, url, message) => {
    rig.server.route(
      '/page.html',
      plain(articlePage('Kursk report', ['Nothing to see.']), { 'content-type': 'text/html' }),
    );

    const answer = await ask(`/sources add name:Ledger url:"${url()}"`, 'g1');

    expect(answer).toMatchObject({ title: 'Sorry', ephemeral: true });
    expect(unescapeMarkdown(answer.summary!)).toBe(message); // the page's title is quoted, so escaped
    expect(await own('g1')).toEqual([]);
    expect(await rig.temp.app.port.sourceBook.feed(url())).toMatchObject({ lastAttemptAt: null, failures: 0 });
    expect((await rig.temp.app.port.articles.counts()).articles).toBe(0);
  });

  it('refuses a name the server already uses, an address it already reads, and a topic the story does not have', async () => {
    await ask(`/sources add name:Ledger url:"${rig.server.url('/ledger.xml')}"`, 'g1');

    const sameName = await ask(`/sources add name:ledger url:"${rig.server.url('/wire.xml')}"`, 'g1');
    const sameUrl = await ask(`/sources add name:"Ledger again" url:"${rig.server.url('/ledger.xml')}"`, 'g1');
    const badTopic = await ask(
      `/sources add name:Wire url:"${rig.server.url('/wire.xml')}" topics:"troops, weather"`,
      'g1',
    );

    expect(sameName.summary).toBe(
      'There is already a source named **ledger** here. Pick another name, or remove that one first.',
    );
    expect(sameUrl.summary).toBe('**Ledger** already reads that address.');
    expect(badTopic.summary).toMatch(
      /^There is no topic "weather"\. Topics: `troops` \(North Korean troops in Russia\), `casualties`/,
    );
    expect(await own('g1')).toEqual(['Ledger']);
  });

  it.each([
    ['a right-to-left override', 'Reu\u202Eters'],
    ['a zero-width space', 'Yon\u200Bhap'],
    ['a zero-width joiner', 'Led\u200Dger'],
  ])('refuses a name holding %s, and adds nothing', async (_what, name) => {
    const answer = await ask(`/sources add name:"${name}" url:"${rig.server.url('/ledger.xml')}"`, 'g1');
    expect(answer).toMatchObject({
      ephemeral: true,
      summary: expect.stringMatching(/cannot hold invisible characters/),
    });
    expect(await own('g1')).toEqual([]);
  });

  it('answers a subcommand it does not have by naming the ones it has, as /alerts does', async () => {
    const { app } = rig.temp;
    const unknown = {
      getSubcommand: () => 'purge',
      getString: () => null,
      getInteger: () => null,
      getBoolean: () => null,
      getChannel: () => null,
    };
    const input = { commandName: 'sources', guildId: 'g1', options: unknown, moderator: true };
    const answer = await answerCommand(app.commands, input, commandContext(app, T0), silentLogger);
    expect(answer).toMatchObject({
      ephemeral: true,
      summary: '/sources takes add, list, remove, pause, resume or status.',
    });
  });

  it('lets another server add a feed one server already reads, under the same name', async () => {
    await ask(`/sources add name:Ledger url:"${rig.server.url('/ledger.xml')}"`, 'g1');
    const answer = await ask(`/sources add name:Ledger url:"${rig.server.url('/ledger.xml')}"`, 'g2');

    expect(answer.summary).toBe('Added **Ledger**: 2 items, 2 claims; its current items were indexed without alerts.');
    expect(rig.temp.app.index.search('Kursk', 5, 'g2')).toHaveLength(1);
  });

  it('adds a folder of article files to the defaults from the console', async () => {
    const folder = join(rig.temp.dir, 'desk');
    mkdirSync(folder);
    writeFileSync(join(folder, 'one.txt'), `title: Troops\noutlet: Desk\n---\n${ITEMS[1]!.content}\n`);

    const answer = await ask(`/sources add name:Desk url:"${folder}"`, null);

    expect(answer.summary).toBe('Added **Desk**: 1 item, 1 claim; its current items were indexed without alerts.');
    expect(await rig.temp.app.port.sourceBook.find('', 'Desk')).toMatchObject({ kind: 'folder', location: folder });
  });
});

describe('/sources for moderators only, each server its own', () => {
  it('is refused to a member who is not a moderator, and nothing changes', async () => {
    const answer = await ask(`/sources add name:Ledger url:"${rig.server.url('/ledger.xml')}"`, 'g1', {
      moderator: false,
    });

    expect(answer).toMatchObject({ title: 'Sorry', ephemeral: true });
    expect(answer.summary).toMatch(/^\/sources is for moderators/);
    expect(rig.server.hits('/ledger.xml')).toBe(0);
    expect(await own('g1')).toEqual([]);
    expect(await suggest('g1', '', false)).toEqual([]);
  });

  it("never lets one server see, pause, resume, inspect or remove another server's source", async () => {
    await ask(`/sources add name:Ledger url:"${rig.server.url('/ledger.xml')}"`, 'g1');

    const list = await ask('/sources list', 'g2');
    const attempts = await Promise.all(
      ['remove', 'pause', 'resume', 'status'].map((sub) => ask(`/sources ${sub} Ledger`, 'g2')),
    );

    expect(lines(list).join('\n')).not.toContain('Ledger');
    for (const answer of attempts)
      expect(answer.summary).toBe('No source named **Ledger** here. `/sources list` shows them.');
    expect(await suggest('g2', 'led')).toEqual([]);
    expect(await suggest('g1', 'led')).toEqual(['Ledger']);
    expect(await rig.temp.app.port.sourceBook.find('g1', 'Ledger')).toMatchObject({ paused: false, removedAt: null });
  });
});

describe('/sources list, pause, resume, status and remove', () => {
  it("lists the server's sources and the defaults, marking those paused or failing", async () => {
    await registerSource(rig.temp.app, { name: 'Sample articles', kind: 'folder', location: rig.temp.dir }, T0);
    await ask(`/sources add name:Ledger url:"${rig.server.url('/ledger.xml')}"`, 'g1');
    await ask(`/sources add name:Wire url:"${rig.server.url('/wire.xml')}"`, 'g1');
    await ask('/sources pause ledger', 'g1');
    rig.server.route('/wire.xml', plain('down', {}, 503));
    await pollDue(rig.temp.app, recordingHooks(), minutesAfter(T0, 5), silentLogger);

    const answer = await ask('/sources list', 'g1');

    expect(answer.ephemeral).toBe(true);
    expect(answer.sections).toEqual([
      {
        heading: 'This server’s sources',
        lines: [
          `**Ledger**: \`${rig.server.url('/ledger.xml')}\` · **paused**`,
          `**Wire**: \`${rig.server.url('/wire.xml')}\` · **failing: 1 failure in a row**`,
        ],
      },
      { heading: 'Defaults (every server reads these)', lines: ['**Sample articles**: a folder on the bot’s machine'] },
    ]);
  });

  it("shows a source's last success, last error, failures, next poll and items, in UTC", async () => {
    await ask(`/sources add name:Ledger url:"${rig.server.url('/ledger.xml')}"`, 'g1');
    rig.server.route('/ledger.xml', plain('oops', {}, 500));
    await pollDue(rig.temp.app, recordingHooks(), minutesAfter(T0, 5), silentLogger);

    const answer = await ask('/sources status ledger', 'g1', { now: minutesAfter(T0, 6) });

    expect(answer).toMatchObject({
      title: 'Source: Ledger',
      summary: 'Failing: 1 failure in a row; retried less often each time.',
      ephemeral: true,
    });
    expect(lines(answer)).toEqual([
      `Reads: \`${rig.server.url('/ledger.xml')}\``,
      'Last success: 2025-05-01 12:00 UTC',
      'Last attempt: 2025-05-01 12:05 UTC',
      'Last error: HTTP 500 Internal Server Error',
      'Failures in a row: 1',
      'Next poll: 2025-05-01 12:10 UTC',
      'Items: 2 in the feed at its last read; 2 taken in by this source',
      'Topics: all',
      'Added: 2025-05-01 12:00 UTC',
    ]);
  });

  it('pauses a source until it is resumed', async () => {
    await ask(`/sources add name:Ledger url:"${rig.server.url('/ledger.xml')}"`, 'g1');

    const paused = await ask('/sources pause Ledger', 'g1');
    const whilePaused = await pollDue(rig.temp.app, recordingHooks(), minutesAfter(T0, 5), silentLogger);
    const resumed = await ask('/sources resume Ledger', 'g1');
    const afterwards = await pollDue(rig.temp.app, recordingHooks(), minutesAfter(T0, 10), silentLogger);

    expect(paused.summary).toBe('Paused **Ledger**: it is not polled until `/sources resume`.');
    expect(whilePaused.sources).toBe(0);
    expect(resumed.summary).toBe('Resumed **Ledger**: it is read again at the next poll.');
    expect(afterwards.sources).toBe(1);
  });

  it('resumes a source paused after repeated failures and makes its feed due at once', async () => {
    await ask(`/sources add name:Ledger url:"${rig.server.url('/ledger.xml')}"`, 'g1');
    const book = rig.temp.app.port.sourceBook;
    const source = (await book.find('g1', 'Ledger'))!;
    await book.saveFeed({
      ...(await book.feed(source.location)),
      failures: 8,
      lastError: 'HTTP 500 Internal Server Error',
      nextPollAt: minutesAfter(T0, 360).toISOString(),
    });
    await book.setPaused(source.id, 'failing');

    const answer = await ask('/sources resume Ledger', 'g1');

    expect(answer.summary).toBe(
      'Resumed **Ledger**: it is read again at the next poll. It had been paused after 8 failures in a row ' +
        '(the last: HTTP 500 Internal Server Error). If that read fails too, it is paused again.',
    );
    expect(await book.find('g1', 'Ledger')).toMatchObject({ paused: false, pausedReason: null });
    expect((await book.dueSources(['feed'], minutesAfter(T0, 1))).map((d) => d.source.name)).toEqual(['Ledger']);
  });

  it('removes a source: it is no longer listed or polled, and the claims it brought stay', async () => {
    await ask(`/sources add name:Ledger url:"${rig.server.url('/ledger.xml')}"`, 'g1');

    const answer = await ask('/sources remove ledger', 'g1');
    const report = await pollDue(rig.temp.app, recordingHooks(), minutesAfter(T0, 5), silentLogger);

    expect(answer.summary).toBe('Removed **Ledger**. The claims it brought stay in answers; it is no longer polled.');
    expect(lines(await ask('/sources list', 'g1')).join('\n')).not.toContain('Ledger');
    expect(report.sources).toBe(0);
    expect(rig.temp.app.index.search('Kursk', 5, 'g1')).toHaveLength(1);
  });

  it("is listed among the moderators' commands in /help", async () => {
    const help = await ask('/help', 'g1');
    const moderators = help.sections.find((s) => s.heading === 'Moderators');
    expect(moderators?.lines.join('\n')).toContain('/sources add <name> <url> [topics]');
  });
});
