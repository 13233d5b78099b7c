import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import type { Answer } from '../answers/answer.js';
import { type App, commandContext } from '../app/app.js';
import { answerAutocomplete, answerCommand } from '../app/dispatch.js';
import type { DiscordConfig } from '../config.js';
import type { Logger } from '../log.js';
import { renderPayload, toReplyOptions } from '../render/render.js';
import type { ShardPlan } from '../shard-config.js';
import { type LoginFailure, loginUntilReady } from './login.js';
import { rejectLongMessageRateLimits } from './sender.js';

export interface BotOptions {
  /** Async work still running after this long is answered "thinking…" first (Discord allows 3 s). */
  deferAfterMs?: number;
  now?: () => Date;
  /** MOD_ROLE_ID: members with this role may use moderator commands besides Manage Server. */
  modRoleId?: string;
  /** Discord closed the gateway for good after READY (a token reset, say): the bot is offline. */
  onFatalClose?: (refusal: LoginFailure) => void;
}

interface Bot {
  app: App;
  log: Logger;
  now: () => Date;
  deferAfterMs: number;
  modRoleId: string | undefined;
}

/** Manage Server as Discord reports it for this member here, or the configured moderator role. */
function isModerator(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
  modRoleId: string | undefined,
): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  if (!modRoleId) return false;
  const roles = interaction.member.roles;
  return Array.isArray(roles) ? roles.includes(modRoleId) : roles.cache.has(modRoleId);
}

function inputOf<I extends ChatInputCommandInteraction | AutocompleteInteraction>(
  interaction: I,
  modRoleId: string | undefined,
) {
  return {
    commandName: interaction.commandName,
    guildId: interaction.guildId,
    options: interaction.options as I['options'],
    moderator: isModerator(interaction, modRoleId),
    user: `${interaction.user.username} (${interaction.user.id})`,
  };
}

/** The discord.js edge: interactions go to the registry through the one error boundary. */
export async function startDiscordBot(
  app: App,
  discord: DiscordConfig,
  log: Logger,
  options: BotOptions = {},
): Promise<Client<true>> {
  // A long rate limit on posting alerts fails fast: the outbox retries it at Discord's time while other channels go on.
  const rest = { api: discord.apiBase, rejectOnRateLimit: rejectLongMessageRateLimits(60_000) };
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest, ...shardOptions(discord.shards ?? 'auto') });
  const bot: Bot = {
    app,
    log,
    now: options.now ?? (() => new Date()),
    deferAfterMs: options.deferAfterMs ?? 1500,
    modRoleId: options.modRoleId,
  };
  client.on(Events.InteractionCreate, (interaction) => {
    handle(bot, interaction).catch((error) => log.error('interaction failed', error));
  });
  client.on(Events.Error, (error) => log.error('discord client error', error));
  try {
    await loginUntilReady(
      client,
      discord.token,
      (refusal) => {
        log.error(refusal.message);
        options.onFatalClose?.(refusal);
      },
      discord.apiBase,
    );
  } catch (error) {
    await client.destroy(); // a half-open client would keep the process alive, doing nothing
    throw error;
  }
  log.info(`logged in to Discord as ${client.user?.tag ?? 'unknown'}; ${app.commands.length} commands`);
  return client as Client<true>;
}

async function handle(bot: Bot, interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) return complete(bot, interaction);
  if (interaction.isChatInputCommand()) return respond(bot, interaction);
}

async function complete({ app, log, now, modRoleId }: Bot, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const input = { ...inputOf(interaction, modRoleId), focused: { name: focused.name, value: String(focused.value) } };
  await interaction.respond(await answerAutocomplete(app.commands, input, commandContext(app, now()), log));
}

/**
 * Replies at once when the answer is ready in time; otherwise defers ("thinking…") and edits.
 * An ephemeral answer that arrives after a public deferral replaces it with an ephemeral follow-up.
 */
async function respond(
  { app, log, now, deferAfterMs, modRoleId }: Bot,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  const input = inputOf(interaction, modRoleId);
  // A moderator's command may fetch feeds or re-file claims for a minute: acknowledged at once,
  // to the moderator alone, and edited when it is done.
  if (app.commands.find((c) => c.data.name === interaction.commandName)?.moderator) {
    const acknowledged = await interaction.deferReply({ flags: MessageFlags.Ephemeral }).then(
      () => true,
      (error: unknown) => {
        log.error(`/${interaction.commandName}: could not defer the reply`, error);
        return false;
      },
    );
    const answer = await answerCommand(app.commands, input, commandContext(app, now()), log);
    if (acknowledged)
      await interaction.editReply({
        ...toReplyOptions(renderPayload(answer), answer.image, answer.file),
        flags: undefined,
      });
    return;
  }
  const pending = answerCommand(app.commands, input, commandContext(app, now()), log);
  let deferral: Promise<boolean> | undefined;
  const timer = setTimeout(() => {
    // Handled at once: the command may run on long after a refused deferral, and a rejection left
    // unhandled until then would take the whole process down.
    deferral = interaction.deferReply().then(
      () => true,
      (error: unknown) => {
        log.error(`/${interaction.commandName}: could not defer the reply`, error);
        return false;
      },
    );
  }, deferAfterMs);
  const answer: Answer = await pending.finally(() => clearTimeout(timer));
  const reply = toReplyOptions(renderPayload(answer), answer.image, answer.file);
  if (!deferral) {
    await interaction.reply(reply);
    return;
  }
  if (!(await deferral)) return; // never acknowledged: there is no reply to edit
  if (!answer.ephemeral) {
    await interaction.editReply({ ...reply, flags: undefined });
    return;
  }
  await interaction.deleteReply();
  await interaction.followUp({ ...reply, flags: MessageFlags.Ephemeral });
}

/**
 * The shards this process opens: every shard (Discord's recommended count, or the count
 * DISCORD_SHARDS pins), or under ShardingManager only its own. Always passed explicitly: given
 * any `shards` option discord.js no longer reads SHARDS itself, which 'auto' once silently did.
 */
function shardOptions(shards: ShardPlan): { shards: 'auto' } | { shards: number[]; shardCount: number } {
  if (shards === 'auto') return { shards: 'auto' };
  if (typeof shards === 'object') return { shards: shards.ids, shardCount: shards.count };
  return { shards: Array.from({ length: shards }, (_, id) => id), shardCount: shards };
}
