import {
  type Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  type RateLimitData,
  Routes,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from './support/fake-discord.js';
import { loginTestClient } from './support/fake-discord-client.js';
import { trackHandles } from './support/open-handles.js';

let fake: FakeDiscord | undefined;
let client: Client<true> | undefined;

afterEach(async () => {
  await client?.destroy(); // before fake.close(): otherwise discord.js sees a dropped gateway
  await fake?.close();
  client = undefined;
  fake = undefined;
});

async function connect(options: FakeDiscordOptions = {}) {
  fake = await startFakeDiscord(options);
  client = await loginTestClient(fake);
  return { fake, client };
}

/** Routes every interaction to `handler`, surfacing handler errors as test failures via the fake's timeout. */
function onInteraction(c: Client, handler: (i: Interaction) => Promise<unknown>) {
  c.on(Events.InteractionCreate, (i) => void handler(i).catch((error) => console.error('handler failed', error)));
}

const alertsChannel = (f: FakeDiscord, c: Client) => c.channels.cache.get(f.channel('alerts').id) as TextChannel;

describe('fake Discord driven by the real discord.js client', () => {
  it('logs in and becomes ready with the guild, its channels and the bot user cached', async () => {
    const { fake, client } = await connect();
    const guild = client.guilds.cache.get(fake.guild.id);
    expect(guild?.name).toBe('Claimwatch Test Newsroom');
    expect(guild?.channels.cache.map((ch) => ch.name).sort()).toEqual(['alerts', 'general']);
    expect(guild?.members.me?.id).toBe(fake.botUser.id);
    expect(client.user.id).toBe(fake.botUser.id);
    expect(client.application.id).toBe(fake.application.id);
    expect(fake.gateway.connections).toEqual([{ v: '10', encoding: 'json' }]);
    expect(fake.gateway.identifies[0]).toMatchObject({ intents: GatewayIntentBits.Guilds, shard: [0, 1] });
    expect(fake.requests.map((r) => `${r.method} ${r.route}`)).toEqual(['GET /gateway/bot']);
    expect(fake.unhandled).toEqual([]);
  });

  it('acknowledges heartbeats so the client measures a ping', async () => {
    const { fake, client } = await connect({ heartbeatIntervalMs: 50 });
    await expect.poll(() => client.ws.ping, { timeout: 2000 }).toBeGreaterThanOrEqual(0);
    expect(fake.gateway.heartbeats).toBeGreaterThan(0);
  });

  it('delivers a slash command to interactionCreate and records reply() as a type-4 callback', async () => {
    const { fake, client } = await connect();
    let seen: Record<string, unknown> = {};
    onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      seen = {
        name: i.commandName,
        story: i.options.getString('story'),
        limit: i.options.getInteger('limit'),
        locale: i.locale,
        channel: i.channelId,
        canSend: i.memberPermissions?.has(PermissionFlagsBits.SendMessages),
        inGuild: i.inCachedGuild(),
      };
      await i.reply({ content: `tracking ${i.options.getString('story')}` });
    });
    const record = await fake.sendInteraction(
      fake.chatInput({ name: 'track', options: { story: 'flood', limit: 3 }, locale: 'de' }),
    );
    expect(record.callback).toMatchObject({ type: 4, data: { content: 'tracking flood' } });
    expect(record.callback?.request.query).toEqual({ with_response: 'false' });
    expect(record.original?.content).toBe('tracking flood');
    expect(seen).toEqual({
      name: 'track',
      story: 'flood',
      limit: 3,
      locale: 'de',
      channel: fake.channel('general').id,
      canSend: true,
      inGuild: true,
    });
  });

  it('returns a plausible callback response when reply() asks withResponse', async () => {
    const { fake, client } = await connect();
    let messageId: string | undefined;
    onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: 'hi', flags: MessageFlags.Ephemeral, withResponse: true });
      messageId = response.resource?.message?.id;
    });
    const record = await fake.sendInteraction(fake.chatInput({ name: 'track' }));
    await expect.poll(() => messageId).toBe(record.original?.id);
    expect(record.callback?.data.flags).toBe(MessageFlags.Ephemeral);
  });

  it('records deferReply() and editReply() as a type-5 callback and a PATCH of @original', async () => {
    const { fake, client } = await connect();
    onInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply({ content: 'three claims found' });
      await i.followUp({ content: 'and one correction' });
    });
    const record = await fake.sendInteraction(fake.chatInput({ name: 'track' }));
    expect(record.callback).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = await record.waitForEdit();
    expect(edit.method).toBe('PATCH');
    expect(edit.route).toBe(`/webhooks/${fake.application.id}/${record.token}/messages/@original`);
    expect(edit.body.content).toBe('three claims found');
    expect(record.original).toMatchObject({ content: 'three claims found', flags: MessageFlags.Ephemeral });
    expect((await record.waitForFollowUp()).body.content).toBe('and one correction');
  });

  it('records an autocomplete respond() as a type-8 callback with the choices', async () => {
    const { fake, client } = await connect();
    onInteraction(client, async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      await i.respond([{ name: `${typed}ding in the north`, value: 'flood-north' }]);
    });
    const record = await fake.sendInteraction(
      fake.autocomplete({ name: 'track', options: { story: 'floo' }, focused: 'story' }),
    );
    expect(record.callback?.type).toBe(8);
    expect(record.callback?.data.choices).toEqual([{ name: 'flooding in the north', value: 'flood-north' }]);
  });

  it('rejects sendInteraction with a timeout error when the client never answers', async () => {
    const { fake } = await connect();
    await expect(fake.sendInteraction(fake.chatInput({ name: 'ignored' }), { timeoutMs: 100 })).rejects.toThrow(
      /no callback for interaction \d+ \(\/ignored\) within 100ms/,
    );
  });

  it('retries a channel message after a 500 and records it once as delivered', async () => {
    const { fake, client } = await connect();
    fake.failNext('POST /channels/:id/messages', { status: 500 });
    const message = await alertsChannel(fake, client).send('Casualty figure revised: 12 → 15');
    expect(fake.requestsTo('POST /channels/:id/messages').map((r) => r.status)).toEqual([500, 200]);
    expect(fake.channelMessages).toHaveLength(1);
    expect(fake.channelMessages[0]).toMatchObject({
      channelId: fake.channel('alerts').id,
      body: { content: 'Casualty figure revised: 12 → 15' },
    });
    expect(message.id).toBe(fake.channelMessages[0]?.message.id);
  });

  it('honours a 429 retry_after before retrying the request', async () => {
    const { fake, client } = await connect();
    const limits: RateLimitData[] = [];
    client.rest.on('rateLimited', (info) => limits.push(info));
    fake.failNext('POST /channels/:id/messages', { status: 429, retryAfter: 0.2 });
    await alertsChannel(fake, client).send('after the rate limit');
    const [limited, delivered] = fake.requestsTo('POST /channels/:id/messages');
    expect([limited?.status, delivered?.status]).toEqual([429, 200]);
    expect((delivered?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(200);
    expect(limits[0]).toMatchObject({ global: false, method: 'POST' });
    expect(fake.channelMessages).toHaveLength(1);
  });

  it('surfaces a channel 403 as a DiscordAPIError without retrying', async () => {
    const { fake, client } = await connect();
    fake.failNext('POST /channels/:id/messages', { status: 403 });
    const error = await alertsChannel(fake, client)
      .send('nope')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 403, code: 50001 });
    expect(fake.requestsTo('POST /channels/:id/messages')).toHaveLength(1);
    expect(fake.channelMessages).toHaveLength(0);
  });

  it('returns the same message for a repeated nonce when enforce_nonce is set', async () => {
    const { fake, client } = await connect();
    const channel = alertsChannel(fake, client);
    const first = await channel.send({ content: 'once', nonce: 'alert-42', enforceNonce: true });
    const second = await channel.send({ content: 'once', nonce: 'alert-42', enforceNonce: true });
    expect(second.id).toBe(first.id);
    expect(fake.channelMessages).toHaveLength(1);
  });

  it('records slash-command deploys and answers unknown routes 404 as unhandled', async () => {
    const { fake, client } = await connect();
    const commands = [{ name: 'track', description: 'Track a story', options: [] }];
    await client.rest.put(Routes.applicationGuildCommands(client.application.id, fake.guild.id), { body: commands });
    await client.rest.put(Routes.applicationCommands(client.application.id), { body: commands });
    expect(fake.commandDeploys.map((d) => [d.scope, d.guildId, d.body])).toEqual([
      ['guild', fake.guild.id, commands],
      ['global', undefined, commands],
    ]);
    await expect(client.rest.get('/guilds/1/audit-logs')).rejects.toMatchObject({ status: 404, code: 0 });
    expect(fake.unhandled.map((r) => r.route)).toEqual(['/guilds/1/audit-logs']);
  });

  it('resumes the session after an op-7 reconnect and keeps delivering interactions', async () => {
    const { fake, client } = await connect();
    onInteraction(client, async (i) => void (i.isChatInputCommand() && (await i.reply({ content: 'still here' }))));
    const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));
    fake.gateway.requestReconnect();
    await resumed;
    expect(fake.gateway.resumes).toHaveLength(1);
    expect(fake.gateway.identifies).toHaveLength(1);
    const record = await fake.sendInteraction(fake.chatInput({ name: 'track' }));
    expect(record.callback?.data.content).toBe('still here');
  });

  it('leaves no sockets, servers or timers behind after client.destroy() and fake.close()', async () => {
    const handles = trackHandles();
    try {
      const { fake: f, client: c } = await connect({ heartbeatIntervalMs: 50 });
      onInteraction(c, async (i) => void (i.isChatInputCommand() && (await i.reply({ content: 'ok' }))));
      await f.sendInteraction(f.chatInput({ name: 'track' }));
      await alertsChannel(f, c).send('one alert');
      expect(await handles.open(0)).not.toEqual([]);
      await c.destroy();
      await f.close();
      [client, fake] = [undefined, undefined];
      expect(await handles.open()).toEqual([]);
    } finally {
      handles.stop();
    }
  });
});
