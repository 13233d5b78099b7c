// Two bot processes on two shards, started as ShardingManager starts them (SHARDS=0 and SHARDS=1,
// SHARD_COUNT=2), share one Postgres: 20 servers split across the shards, each following
// 'troops' from a feed of its own, and a burst of 200 new figures. Whichever process is sending
// is killed with SIGKILL 10 times, each time after Discord created one of its alerts and before
// the answer reached it, and is started again under the same name. Discord is made
// to forget nonces each time, so only the bot's own look at the channel can tell a message it
// sent before it died. Counted on the fake
// Discord's side: every alert posted once, none lost; and each process answers its servers with
// figures the other process may have taken in.
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type BotProcess, killBots, startBotProcess } from './support/bot-process.js';
import { type FakeDiscord, startFakeDiscord } from './support/fake-discord.js';
import { FAKE_TOKEN } from './support/fake-discord-client.js';
import { onShard } from './support/fake-discord-gateway.js';
import { type FeedServer, startFeedServer } from './support/feed-server.js';
import { burstItems, figureOf, serverOptions, setUpNewsrooms } from './support/newsroom-servers.js';
import { freshPostgresUrl } from './support/shared-stores.js';

const server = inject('postgres');
const missing = 'missing' in server ? server.missing : undefined;
if (missing) console.warn(`SKIPPED shards on one Postgres: ${missing}`);

const SERVERS = 20;
const PER_SERVER = 10;
const KILLS = 10;
const TOTAL = SERVERS * PER_SERVER;

let fake: FakeDiscord | undefined;
let feeds: FeedServer | undefined;
let db: pg.Client | undefined;
afterEach(async () => {
  await killBots();
  await db?.end();
  await fake?.close();
  await feeds?.close();
  [fake, feeds, db] = [undefined, undefined, undefined];
});

const until = async (condition: () => boolean | Promise<boolean>) => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe.skipIf(Boolean(missing))('two shard processes on one Postgres', () => {
  it('post each of 200 alerts exactly once through 10 kills of the delivering process, and answer with each other’s figures', async () => {
    if (!('url' in server)) throw new Error(server.missing);
    const url = await freshPostgresUrl(server.url);
    const [first, ...more] = serverOptions(SERVERS);
    fake = await startFakeDiscord({ token: FAKE_TOKEN, guild: first, moreGuilds: more });
    feeds = await startFeedServer();
    const guilds = fake.guilds;
    await setUpNewsrooms(url, feeds, guilds, (n) => burstItems(n, PER_SERVER));
    db = new pg.Client({ connectionString: url });
    await db.connect();

    const env = (shard: number) => ({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_BASE: fake!.restBase,
      DATABASE_URL: url,
      SHARDS: String(shard),
      SHARD_COUNT: '2',
      ALERT_CRON: '* * * * * *',
      ALERT_CRON_ALLOW_FAST: 'true',
      ALLOW_PRIVATE_SOURCES: 'true',
      ALERTS_PER_TICK: String(PER_SERVER),
    });
    const bots: BotProcess[] = [startBotProcess(env(0)), startBotProcess(env(1))];
    const created = () => fake!.channelMessages.length;
    const posts = () => fake!.requestsTo('POST /channels/:id/messages');
    const holderOf = async (nonce: string) =>
      (await db!.query('SELECT lease_holder AS holder FROM outbox WHERE nonce = $1 LIMIT 1', [nonce])).rows[0]
        ?.holder as string;

    // Each process answers a server on its own shard with that server's newest figure by each of
    // the four claimants. One process polled the feeds: the other, running since before the
    // ingest, has them only by following the shared store.
    const answersWithItsFigures = async (shard: number) => {
      const n = guilds.findIndex((g) => onShard(g.id, [shard, 2]));
      const record = await fake!.sendInteraction(fake!.chatInput({ name: 'troops', options: [], guild: guilds[n] }));
      const answer = JSON.stringify(record.callback?.data);
      return [0, 1, 2, 3].every((k) => answer.includes(`approximately ${figureOf(n, k)} troops`));
    };
    // Answers 30 ms after each message is created: the burst's delivery outlasts the questions below.
    fake.slowAnswers('POST /channels/:id/messages', 30);
    const queued = async () => (await db!.query('SELECT count(*)::int AS n FROM outbox')).rows[0].n as number;
    await until(async () => (await queued()) >= TOTAL);
    await until(() => bots.every((bot) => bot.output().includes('logged in to Discord')));
    const poller = (await db.query(`SELECT holder FROM leases WHERE name = 'poller'`)).rows[0].holder as string;
    const follower = poller.endsWith('shards-0') ? 1 : 0;
    expect(await answersWithItsFigures(1 - follower)).toBe(true);
    // Woken by the ingest's notification, or at the latest by its next tick's catch-up.
    await expect.poll(() => answersWithItsFigures(follower), { timeout: 15_000, interval: 250 }).toBe(true);

    const killed = [0, 0];
    for (let kill = 0; kill < KILLS && created() < TOTAL; kill++) {
      const before = created();
      await until(() => created() >= Math.min(before + 5, TOTAL));
      // Discord creates the next message and its answer never comes: the sender is now mid-send.
      const hungBefore = posts().filter((r) => r.injected).length;
      fake.failNext('POST /channels/:id/messages', { status: 500, afterHandling: true, hang: true });
      await until(() => posts().filter((r) => r.injected).length > hungBefore || created() >= TOTAL);
      const hung = posts().filter((r) => r.injected)[hungBefore];
      if (!hung) break;
      // Until it dies, the sender's lease keeps the other process off the alert it is waiting on.
      const holder = await holderOf(String(hung.body.nonce));
      expect(holder, 'the alert Discord took is held by the process that sent it').toMatch(/shards-[01]$/);
      const shard = Number(holder.slice(-1));
      bots[shard]!.child.kill('SIGKILL');
      expect(await bots[shard]!.exited).toBe(null);
      killed[shard]!++;
      fake.forgetNonces(); // down longer than Discord remembers a nonce
      bots[shard] = startBotProcess(env(shard));
    }
    await until(async () => {
      const left = await db!.query(`SELECT count(*)::int AS n FROM outbox WHERE status != 'sent'`);
      return left.rows[0].n === 0 && created() >= TOTAL;
    });

    // On Discord's side: one message per nonce, each server's ten figures once in its own #alerts.
    const nonces = fake.channelMessages.map((m) => `${m.channelId}/${m.body.nonce}`);
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(nonces).toHaveLength(TOTAL);
    for (const [n, guild] of guilds.entries()) {
      const alerts = guild.channels.find((c: { name: string }) => c.name === 'alerts').id;
      const lines = fake.channelMessages
        .filter((m) => m.channelId === alerts)
        .map((m) => String(m.body.embeds?.[0]?.description).split('\n')[0]!);
      const expected = Array.from({ length: PER_SERVER }, (_, k) => figureOf(n, k));
      for (const figure of expected)
        expect(
          lines.filter((l) => l.includes(`${figure} troops`)),
          lines.join('\n'),
        ).toHaveLength(1);
      expect(lines).toHaveLength(PER_SERVER);
    }
    console.log(
      `kills: ${killed[0]} of shard 0's process, ${killed[1]} of shard 1's; ` +
        `${posts().length} message POSTs for ${created()} messages`,
    );
    expect(killed[0]! + killed[1]!).toBe(KILLS);

    // After the restarts too, each process answers from the index it booted with.
    for (const shard of [0, 1]) expect(await answersWithItsFigures(shard)).toBe(true);
  }, 180_000);
});
