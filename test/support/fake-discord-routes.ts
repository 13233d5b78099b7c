// The Discord REST routes the fake answers. Anything not listed here is recorded and answered
// 404 `{message, code}` by FakeRest, so unexpected calls stay visible in `fake.unhandled`.
import { buildMessage, snowflake } from './fake-discord-builders.js';
import type { InteractionTracker } from './fake-discord-interactions.js';
import { DiscordError, type RecordedRequest, type RouteDef } from './fake-discord-rest.js';

type Json = Record<string, any>;

export interface CommandDeploy {
  scope: 'global' | 'guild';
  guildId: string | undefined;
  /** The command definitions exactly as PUT by the client. */
  body: Json[];
  request: RecordedRequest;
}

export interface DeliveredMessage {
  channelId: string;
  body: Json;
  message: Json;
  request: RecordedRequest;
}

export interface MessageEdit {
  channelId: string;
  messageId: string;
  body: Json;
  request: RecordedRequest;
}

export interface FakeState {
  botUser: Json;
  application: Json;
  guild: Json;
  /** Every server the bot is in, `guild` first. */
  guilds?: Json[];
  gatewayUrl(): string;
  /** What GET /gateway/bot recommends. */
  recommendedShards: number;
  interactions: InteractionTracker;
  commandDeploys: CommandDeploy[];
  /** Channel messages created (a replay of an enforced nonce is not a new delivery). */
  channelMessages: DeliveredMessage[];
  messageEdits: MessageEdit[];
  /** Channels the bot can no longer post in: messages there get 403 Missing Access (50001). */
  lockedChannels?: Set<string>;
  /** Enforced nonces Discord still remembers, by `channel/nonce`; cleared as its memory expires. */
  nonces?: Map<string, Json>;
}

export function discordRoutes(state: FakeState): RouteDef[] {
  const nonces = state.nonces ?? new Map<string, Json>();
  const deployed = new Map<string, Json[]>();
  const guilds = () => state.guilds ?? [state.guild];
  const channel = (id: string): Json => {
    for (const guild of guilds()) {
      const found = (guild.channels as Json[]).find((c) => c.id === id);
      if (found) return { ...found, guild_id: guild.id };
    }
    throw new DiscordError(404, 'Unknown Channel', 10003);
  };
  const checkApp = (app: string | undefined) => {
    if (app !== state.application.id) throw new DiscordError(403, 'Missing Access', 50001);
  };
  const checkGuild = (id: string | undefined): Json => {
    const found = guilds().find((g) => g.id === id);
    if (!found) throw new DiscordError(403, 'Missing Access', 50001);
    return found;
  };
  const putCommands =
    (scope: CommandDeploy['scope']): RouteDef['handle'] =>
    ({ req, params }) => {
      checkApp(params.app);
      if (scope === 'guild') checkGuild(params.guild);
      if (!Array.isArray(req.body)) throw new DiscordError(400, 'Invalid Form Body', 50035);
      state.commandDeploys.push({ scope, guildId: params.guild, body: req.body, request: req });
      const saved = req.body.map((cmd: Json) => ({
        id: snowflake(),
        application_id: state.application.id,
        version: snowflake(),
        type: 1,
        description: '',
        options: [],
        default_member_permissions: null,
        nsfw: false,
        contexts: null,
        integration_types: [0],
        ...(scope === 'guild' ? { guild_id: params.guild } : {}),
        ...cmd,
      }));
      deployed.set(params.guild ?? 'global', saved);
      return { body: saved };
    };
  const app = state.application;

  return [
    {
      method: 'GET',
      pattern: '/gateway/bot',
      handle: () => ({
        body: {
          url: state.gatewayUrl(),
          shards: state.recommendedShards,
          // Concurrency as Discord grants large bots, so shards identify together rather than 5 s apart.
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 16 },
        },
      }),
    },
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => ({ body: { url: state.gatewayUrl() } }) },
    { method: 'GET', pattern: '/users/@me', handle: () => ({ body: state.botUser }) },
    { method: 'GET', pattern: '/applications/@me', handle: () => ({ body: app }) },
    { method: 'GET', pattern: '/oauth2/applications/@me', handle: () => ({ body: app }) },
    { method: 'PUT', pattern: '/applications/:app/commands', handle: putCommands('global') },
    { method: 'PUT', pattern: '/applications/:app/guilds/:guild/commands', handle: putCommands('guild') },
    {
      method: 'GET',
      pattern: '/applications/:app/commands',
      handle: ({ params }) => {
        checkApp(params.app);
        return { body: deployed.get('global') ?? [] };
      },
    },
    {
      method: 'GET',
      pattern: '/applications/:app/guilds/:guild/commands',
      handle: ({ params }) => {
        checkApp(params.app);
        checkGuild(params.guild);
        return { body: deployed.get(params.guild ?? '') ?? [] };
      },
    },
    {
      method: 'POST',
      pattern: '/interactions/:id/:token/callback',
      auth: false,
      handle: ({ req, params }) => state.interactions.callback(params.id ?? '', params.token ?? '', req),
    },
    ...['GET', 'PATCH', 'DELETE'].map(
      (method): RouteDef => ({
        method,
        pattern: '/webhooks/:app/:token/messages/:message',
        auth: false,
        handle: ({ req, params }) => {
          checkApp(params.app);
          return state.interactions.webhookMessage(params.token ?? '', params.message ?? '', req);
        },
      }),
    ),
    {
      method: 'POST',
      pattern: '/webhooks/:app/:token',
      auth: false,
      handle: ({ req, params }) => {
        checkApp(params.app);
        return state.interactions.followUp(params.token ?? '', req);
      },
    },
    { method: 'GET', pattern: '/channels/:id', handle: ({ params }) => ({ body: channel(params.id ?? '') }) },
    {
      method: 'GET',
      pattern: '/guilds/:guild',
      handle: ({ params }) => {
        return { body: checkGuild(params.guild) };
      },
    },
    {
      // A channel's messages, newest first, as Discord lists them: `after` a snowflake, at most `limit`.
      // Like Discord, the listed messages carry no nonce.
      method: 'GET',
      pattern: '/channels/:id/messages',
      handle: ({ req, params }) => {
        const target = channel(params.id ?? '');
        const after = BigInt(req.query.after ?? '0');
        const limit = Math.min(100, Number(req.query.limit ?? 50));
        const listed = state.channelMessages
          .filter((m) => m.channelId === target.id && BigInt(m.message.id) > after)
          .map(({ message }) => {
            const { nonce: _nonce, ...shown } = message;
            return shown;
          })
          .reverse()
          .slice(0, limit);
        return { body: listed };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:id/messages',
      handle: ({ req, params }) => {
        const target = channel(params.id ?? '');
        if (state.lockedChannels?.has(target.id)) throw new DiscordError(403, 'Missing Access', 50001);
        const body: Json = req.body ?? {};
        const hasContent =
          body.content ||
          body.embeds?.length ||
          body.components?.length ||
          body.sticker_ids?.length ||
          body.poll ||
          req.files.length;
        if (!hasContent) throw new DiscordError(400, 'Cannot send an empty message', 50006);
        if (typeof body.content === 'string' && body.content.length > 2000)
          throw new DiscordError(400, 'Invalid Form Body (content: Must be 2000 or fewer in length.)', 50035);
        const key = body.nonce === undefined ? undefined : `${target.id}/${body.nonce}`;
        const previous = key === undefined ? undefined : nonces.get(key);
        if (previous && body.enforce_nonce) return { body: previous };
        const message = buildMessage(target.id, state.botUser, body, { guild_id: target.guild_id });
        if (key !== undefined) nonces.set(key, message);
        state.channelMessages.push({ channelId: target.id, body, message, request: req });
        return { body: message };
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:id/messages/:message',
      handle: ({ req, params }) => {
        const target = channel(params.id ?? '');
        const posted = state.channelMessages.find((m) => m.channelId === target.id && m.message.id === params.message);
        if (!posted) throw new DiscordError(404, 'Unknown Message', 10008);
        const body: Json = req.body ?? {};
        Object.assign(posted.message, body, { edited_timestamp: new Date().toISOString() });
        posted.body = { ...posted.body, ...body };
        state.messageEdits.push({ channelId: target.id, messageId: params.message!, body, request: req });
        return { body: posted.message };
      },
    },
  ];
}
