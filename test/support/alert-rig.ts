// The whole alert path on real parts: feeds served on 127.0.0.1, the suite's store (a real SQLite file or Postgres), the poller,
// the decider, the outbox, and the real @discordjs/rest client posting to a fake Discord.
import { REST } from 'discord.js';
import { discordEditor } from '../../src/discord/editor.js';
import { discordSender } from '../../src/discord/sender.js';
import { addFeedSource } from '../../src/polling/add-source.js';
import { runTick, type TickReport } from '../../src/scheduler/tick.js';
import { type RecordingLogger, recordingLogger } from './bot-app.js';
import { type FakeDiscord, startFakeDiscord } from './fake-discord.js';
import { FAKE_TOKEN } from './fake-discord-client.js';
import { type FeedServer, loopbackFetcher, rssFeed, startFeedServer, type TestItem, withEtag } from './feed-server.js';
import { type TempApp, tempApp } from './store-app.js';

export interface AlertRig {
  temp: TempApp;
  feeds: FeedServer;
  fake: FakeDiscord;
  log: RecordingLogger;
  guildId: string;
  channel(name: string): string;
  /** Serves an RSS feed at the path; change `items` between ticks. */
  serveFeed(path: string, title: string, items: TestItem[]): void;
  addSource(name: string, path: string, guildId?: string | null): ReturnType<typeof addFeedSource>;
  /** serveFeed, then addSource: a server's feed whose current items are taken in silently. */
  feedSource(name: string, path: string, items: TestItem[]): ReturnType<typeof addFeedSource>;
  follow(topic: string, channel: string, guildId?: string): Promise<void>;
  tick(now: Date): Promise<TickReport>;
  /** Embeds Discord received, by channel name. */
  posted(channel: string): Array<Record<string, any>>;
  close(): Promise<void>;
}

export async function alertRig(options: { perChannelPerTick?: number } = {}): Promise<AlertRig> {
  const feeds = await startFeedServer();
  const fake = await startFakeDiscord({
    token: FAKE_TOKEN,
    guild: { channels: [{ name: 'general' }, { name: 'alerts' }, { name: 'desk' }] },
  });
  const temp = await tempApp({
    fetcher: loopbackFetcher(),
    alertSettings: { timeZone: 'UTC', perChannelPerTick: options.perChannelPerTick ?? 5 },
  });
  const rest = new REST({ api: fake.restBase }).setToken(FAKE_TOKEN);
  const log = recordingLogger();
  const guildId = fake.guild.id as string;
  const channel = (name: string) => fake.channel(name).id as string;
  const rig: AlertRig = {
    temp,
    feeds,
    fake,
    log,
    guildId,
    channel,
    serveFeed: (path, title, items) =>
      feeds.route(
        path,
        withEtag(() => rssFeed(title, items)),
      ),
    addSource: (name, path, guild = guildId) =>
      addFeedSource(temp.app, { guildId: guild, name, url: feeds.url(path) }, new Date('2024-10-01T00:00:00Z')),
    feedSource: (name, path, items) => {
      rig.serveFeed(path, name, items);
      return rig.addSource(name, path);
    },
    follow: async (topic, name, guild = guildId) =>
      void (await temp.app.port.routes.follow(guild, topic, channel(name), new Date('2024-10-01T00:00:00Z'))),
    tick: (now) => runTick({ newsroom: temp.app, sender: discordSender(rest), editor: discordEditor(rest), log }, now),
    posted: (name) =>
      fake.channelMessages.filter((m) => m.channelId === channel(name)).flatMap((m) => m.body.embeds ?? []),
    async close() {
      await temp.close();
      await fake.close();
      await feeds.close();
    },
  };
  return rig;
}
