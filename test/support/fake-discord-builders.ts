// Payload builders for the fake Discord API: users, a guild, messages and interactions that the real
// discord.js 14 structures accept. Everything here is plain data, no I/O.
import { randomBytes } from 'node:crypto';
import { PermissionFlagsBits } from 'discord.js';

type Json = Record<string, any>;

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;
/** A fresh, time-ordered snowflake (so discord.js `createdTimestamp` is sane). */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** Sum of permission flag names, as the decimal string Discord sends. */
export function permissions(...names: Array<keyof typeof PermissionFlagsBits>): string {
  return names.reduce((acc, name) => acc | PermissionFlagsBits[name], 0n).toString();
}
export const DEFAULT_MEMBER_PERMISSIONS = permissions(
  'ViewChannel',
  'SendMessages',
  'ReadMessageHistory',
  'UseApplicationCommands',
);
export const DEFAULT_APP_PERMISSIONS = permissions(
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
);

export function buildUser(overrides: Json = {}): Json {
  return {
    id: snowflake(),
    username: 'user',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: false,
    flags: 0,
    public_flags: 0,
    ...overrides,
  };
}

export function buildMember(user: Json, overrides: Json = {}): Json {
  return {
    user,
    nick: null,
    avatar: null,
    roles: [],
    joined_at: new Date().toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    ...overrides,
  };
}

export interface FakeChannelSpec {
  id?: string;
  name: string;
  type?: number;
  topic?: string | null;
  parent_id?: string | null;
}
export interface FakeGuildOptions {
  id?: string;
  name?: string;
  locale?: string;
  /** Text channels (type 0 unless given). Default: #general and #alerts. */
  channels?: FakeChannelSpec[];
  /** Extra roles besides @everyone. */
  roles?: Json[];
  /** Extra members besides the bot and the owner. */
  members?: Json[];
}

/** A full GUILD_CREATE payload, with `bot` and a human `owner` as members. */
export function buildGuild(options: FakeGuildOptions, bot: Json, owner: Json): Json {
  const id = options.id ?? snowflake();
  const specs = options.channels ?? [{ name: 'general' }, { name: 'alerts' }];
  const channels = specs.map((c, position) => ({
    id: c.id ?? snowflake(),
    type: c.type ?? 0,
    name: c.name,
    position,
    permission_overwrites: [],
    parent_id: c.parent_id ?? null,
    topic: c.topic ?? null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0,
  }));
  const everyone = {
    id,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: DEFAULT_MEMBER_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0,
  };
  const members = [buildMember(bot), buildMember(owner), ...(options.members ?? [])];
  return {
    id,
    name: options.name ?? 'Claimwatch Test Newsroom',
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: owner.id,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    features: [],
    emojis: [],
    stickers: [],
    roles: [everyone, ...(options.roles ?? [])],
    application_id: null,
    system_channel_id: channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: options.locale ?? 'en-US',
    max_members: 500000,
    max_video_channel_users: 25,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    incidents_data: null,
  };
}

/** A message object as Discord returns it from create/edit endpoints. */
export function buildMessage(channelId: string, author: Json, body: Json = {}, extra: Json = {}): Json {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content: body.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: Boolean(body.tts),
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    mention_channels: [],
    attachments: [],
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    pinned: false,
    type: 0,
    flags: body.flags ?? 0,
    nonce: body.nonce,
    ...extra,
  };
}

/** Context the interaction builders need from a running fake. */
export interface InteractionContext {
  applicationId: string;
  guild: Json;
  user: Json;
}
export type OptionValue = string | number | boolean;
export interface InteractionOptions {
  /** Command name; `subcommand`/`group` nest the options like Discord does. */
  name: string;
  subcommand?: string;
  group?: string;
  /** Either raw API options, or `{name: value}` (string→3, integer→4, boolean→5, other number→10). */
  options?: Json[] | Record<string, OptionValue>;
  commandId?: string;
  /** The server the command is used in (one of `fake.guilds`); default the first. */
  guild?: Json;
  /** Channel name or id in that server; default its first channel. */
  channel?: string;
  user?: Json;
  /** Member permissions string (decimal bitfield). */
  memberPermissions?: string;
  appPermissions?: string;
  locale?: string;
  memberRoles?: string[];
  /** Raw overrides merged last. */
  extra?: Json;
}

function toApiOptions(options: InteractionOptions['options'], focused?: string): Json[] {
  const list: Json[] = Array.isArray(options)
    ? options.map((o) => ({ ...o }))
    : Object.entries(options ?? {}).map(([name, value]) => ({
        name,
        value,
        type: typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : Number.isInteger(value) ? 4 : 10,
      }));
  if (focused !== undefined) {
    const option = list.find((o) => o.name === focused);
    if (!option) list.push({ name: focused, type: 3, value: '', focused: true });
    else option.focused = true;
  }
  return list;
}

function buildCommandInteraction(
  ctx: InteractionContext,
  type: 2 | 4,
  opts: InteractionOptions,
  focused?: string,
): Json {
  let options = toApiOptions(opts.options, focused);
  if (opts.subcommand) options = [{ type: 1, name: opts.subcommand, options }];
  if (opts.group) options = [{ type: 2, name: opts.group, options }];
  const guild = opts.guild ?? ctx.guild;
  const channels: Json[] = guild.channels;
  const channel = channels.find((c) => c.id === opts.channel || c.name === opts.channel) ?? channels[0];
  if (!channel) throw new Error(`fake guild has no channel ${opts.channel ?? ''}`);
  const user = opts.user ?? ctx.user;
  const locale = opts.locale ?? 'en-US';
  return {
    id: snowflake(),
    application_id: ctx.applicationId,
    type,
    token: `fake-itoken-${randomBytes(16).toString('hex')}`,
    version: 1,
    data: { id: opts.commandId ?? snowflake(), name: opts.name, type: 1, options },
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferred_locale, features: [] },
    channel_id: channel.id,
    channel: { ...channel, guild_id: guild.id },
    member: {
      ...buildMember(user, { roles: opts.memberRoles ?? [] }),
      permissions: opts.memberPermissions ?? DEFAULT_MEMBER_PERMISSIONS,
    },
    app_permissions: opts.appPermissions ?? DEFAULT_APP_PERMISSIONS,
    locale,
    guild_locale: guild.preferred_locale,
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10485760,
    ...opts.extra,
  };
}

/** A chat-input (slash) command interaction, INTERACTION_CREATE type 2. */
export const buildChatInputInteraction = (ctx: InteractionContext, opts: InteractionOptions): Json =>
  buildCommandInteraction(ctx, 2, opts);

/** An autocomplete interaction (type 4); `focused` names the option being typed (added as '' if absent). */
export const buildAutocompleteInteraction = (
  ctx: InteractionContext,
  opts: InteractionOptions & { focused: string },
): Json => buildCommandInteraction(ctx, 4, opts, opts.focused);
