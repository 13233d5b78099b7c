// A fake Discord (REST under /api/v10 + websocket gateway) on 127.0.0.1, so the real discord.js
// Client can be driven end to end in tests with nothing leaving the machine.
//
//   const fake = await startFakeDiscord();
//   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restBase } });
//   const ready = once(client, Events.ClientReady);
//   await client.login('fake-token');
//   await ready;
//   const result = await fake.sendInteraction(fake.chatInput({ name: 'claims', options: { story: 'x' } }));
//   result.callback?.type; // 4
//   await client.destroy(); await fake.close(); // destroy the client first
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildAutocompleteInteraction,
  buildChatInputInteraction,
  buildGuild,
  buildUser,
  type FakeGuildOptions,
  type InteractionOptions,
  snowflake,
} from './fake-discord-builders.js';
import { FakeGateway } from './fake-discord-gateway.js';
import { type InteractionRecord, InteractionTracker } from './fake-discord-interactions.js';
import { type FailureSpec, FakeRest, matches, type RecordedRequest, type RouteMatcher } from './fake-discord-rest.js';
import { type CommandDeploy, type DeliveredMessage, discordRoutes, type MessageEdit } from './fake-discord-routes.js';

export type { FakeGuildOptions, InteractionOptions } from './fake-discord-builders.js';
export { permissions, snowflake } from './fake-discord-builders.js';
export type { InteractionCallback, InteractionRecord } from './fake-discord-interactions.js';
export type { FailureSpec, RecordedRequest, RouteMatcher } from './fake-discord-rest.js';
export type { CommandDeploy, DeliveredMessage } from './fake-discord-routes.js';

type Json = Record<string, any>;

export interface FakeDiscordOptions {
  /** Only accept this bot token (REST `Authorization: Bot …` and IDENTIFY); default: any token. */
  token?: string;
  /** Overrides for the bot user (its id is also the application id unless `applicationId` is set). */
  bot?: Json;
  applicationId?: string;
  applicationFlags?: number;
  guild?: FakeGuildOptions;
  /** Further servers the bot is in, each with channels of its own (ids may be given, to place them on shards). */
  moreGuilds?: FakeGuildOptions[];
  /** HELLO heartbeat_interval. Default 41250 (Discord's); lower it to exercise heartbeats/ACKs. */
  heartbeatIntervalMs?: number;
  /** Close every gateway IDENTIFY with this code (4004 bad token, 4014 disallowed intents); REST still answers. */
  refuseIdentify?: number;
  /** The shard count GET /gateway/bot recommends. Default 1. */
  recommendedShards?: number;
  /** Default timeout for sendInteraction / waitFor* promises. Default 5000. */
  timeoutMs?: number;
}

export interface FakeDiscord {
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** Pass as `rest: { api: fake.restBase }`; @discordjs/rest appends `/v10`. */
  restBase: string;
  /** ws://127.0.0.1:PORT, as returned by GET /gateway/bot (discord.js appends `?v=10&encoding=json`). */
  gatewayUrl: string;
  botUser: Json;
  application: Json;
  /** The full GUILD_CREATE payload of the first server. */
  guild: Json;
  /** Every server the bot is in, `guild` first; pass one as `chatInput({ guild })`. */
  guilds: Json[];
  /** The human guild owner, the default invoking user of built interactions. */
  user: Json;
  /** A guild channel by name or id (throws if absent). */
  channel(nameOrId: string): Json;
  /** Every REST request, in arrival order, including injected failures. */
  requests: RecordedRequest[];
  /** Requests no route matched (answered 404). */
  readonly unhandled: RecordedRequest[];
  requestsTo(matcher: RouteMatcher): RecordedRequest[];
  /** Resolves with the first answered request matching (past ones included). */
  waitForRequest(matcher: RouteMatcher, timeoutMs?: number): Promise<RecordedRequest>;
  commandDeploys: CommandDeploy[];
  channelMessages: DeliveredMessage[];
  /** Edits of channel messages (PATCH), in order; the message in channelMessages shows the latest. */
  messageEdits: MessageEdit[];
  readonly interactions: InteractionRecord[];
  gateway: FakeGateway;
  /** Queue a failure for the next matching request(s); see FailureSpec. */
  failNext(matcher: RouteMatcher, spec: FailureSpec): void;
  /** Matching requests take effect at once and are answered ms later, so a sender can be killed in between. */
  slowAnswers(matcher: RouteMatcher, ms: number): void;
  /** Discord's memory of enforced nonces expires (it lasts minutes): a replayed nonce now posts again. */
  forgetNonces(): void;
  /** From now on the bot may not post in this channel: POST messages answer 403 Missing Access (50001). */
  revokeAccess(nameOrId: string): void;
  /** Deletes the channel: every REST call on it answers 404 Unknown Channel (10003). Returns its id. */
  removeChannel(nameOrId: string): string;
  chatInput(opts: InteractionOptions): Json;
  autocomplete(opts: InteractionOptions & { focused: string }): Json;
  /** Dispatches INTERACTION_CREATE; resolves with the record once the client's callback arrives. */
  sendInteraction(payload: Json, opts?: { timeoutMs?: number }): Promise<InteractionRecord>;
  /** Dispatches any gateway event to connected clients; returns the number of sessions reached. */
  dispatch(t: string, d: unknown): number;
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const botUser = buildUser({
    username: 'claimwatch-test',
    bot: true,
    verified: true,
    mfa_enabled: false,
    ...options.bot,
  });
  const application = {
    id: options.applicationId ?? botUser.id,
    name: botUser.username,
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: 'f'.repeat(64),
    flags: options.applicationFlags ?? 0,
    team: null,
    bot: botUser,
  };
  const user = buildUser({ username: 'newsroom-editor', global_name: 'Newsroom Editor' });
  const guild = buildGuild(options.guild ?? {}, botUser, user);
  const guilds = [guild, ...(options.moreGuilds ?? []).map((more) => buildGuild(more, botUser, user))];
  const interactions = new InteractionTracker(botUser, timeoutMs);
  const rest = new FakeRest(options.token);
  const commandDeploys: CommandDeploy[] = [];
  const channelMessages: DeliveredMessage[] = [];
  const messageEdits: MessageEdit[] = [];
  const lockedChannels = new Set<string>();
  const nonces = new Map<string, Json>();
  let gatewayUrl = '';
  rest.add(
    ...discordRoutes({
      botUser,
      application,
      guild,
      guilds,
      gatewayUrl: () => gatewayUrl,
      recommendedShards: options.recommendedShards ?? 1,
      interactions,
      commandDeploys,
      channelMessages,
      messageEdits,
      lockedChannels,
      nonces,
    }),
  );
  rest.onAnswered(() => interactions.notify());

  const server = createServer((req, res) => void rest.handle(req, res).catch(() => res.destroy()));
  const gateway = new FakeGateway(server, {
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    token: options.token,
    refuseIdentify: options.refuseIdentify,
    url: () => gatewayUrl,
    ready: () => ({
      ready: {
        v: 10,
        user: botUser,
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        application: { id: application.id, flags: application.flags },
        private_channels: [],
        presences: [],
        relationships: [],
        user_settings: {},
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
        _trace: ['fake-discord'],
      },
      guilds,
    }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  gatewayUrl = `ws://127.0.0.1:${port}`;
  const context = () => ({ applicationId: application.id, guild, user });
  let closed: Promise<void> | undefined;

  const findChannel = (nameOrId: string): Json => {
    const found = (guild.channels as Json[]).find((c) => c.id === nameOrId || c.name === nameOrId);
    if (!found) throw new Error(`fake guild has no channel ${nameOrId}`);
    return found;
  };

  return {
    port,
    url,
    restBase: `${url}/api`,
    gatewayUrl,
    botUser,
    application,
    guild,
    guilds,
    user,
    channel: findChannel,
    forgetNonces: () => nonces.clear(),
    revokeAccess: (nameOrId) => void lockedChannels.add(findChannel(nameOrId).id),
    removeChannel(nameOrId) {
      const found = findChannel(nameOrId);
      guild.channels = (guild.channels as Json[]).filter((c) => c !== found);
      return found.id as string;
    },
    requests: rest.requests,
    get unhandled() {
      return rest.requests.filter((r) => r.unhandled);
    },
    requestsTo: (matcher) => rest.requests.filter((r) => matches(matcher, r)),
    waitForRequest: (matcher, ms) =>
      interactions.wait(
        () => rest.requests.find((r) => r.status !== 0 && matches(matcher, r)),
        ms,
        `request matching ${String(matcher)}`,
      ),
    commandDeploys,
    channelMessages,
    messageEdits,
    get interactions() {
      return interactions.all;
    },
    gateway,
    failNext: (matcher, spec) => rest.failNext(matcher, spec),
    slowAnswers: (matcher, ms) => rest.slowAnswers(matcher, ms),
    chatInput: (opts) => buildChatInputInteraction(context(), opts),
    autocomplete: (opts) => buildAutocompleteInteraction(context(), opts),
    sendInteraction(payload, opts = {}) {
      const record = interactions.register({ id: snowflake(), ...payload });
      if (gateway.dispatch('INTERACTION_CREATE', record.payload) === 0) {
        return Promise.reject(new Error('fake discord: no identified gateway session; has the client logged in?'));
      }
      return interactions.waitForCallback(record, opts.timeoutMs ?? timeoutMs);
    },
    dispatch: (t, d) => gateway.dispatch(t, d),
    close() {
      closed ??= (async () => {
        interactions.close();
        await gateway.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closed;
    },
  };
}
