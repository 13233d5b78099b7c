import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { changeSettings, resetSettings, showSettings } from '../src/settings/server-settings.js';
import { scopeOf } from '../src/store/records.js';
import type { Command } from './types.js';

const RESETTABLE = ['timezone', 'notices', 'all'] as const;

/** A server's own settings: the time zone of its briefings and times, its moderators' notices channel. */
export const settings: Command = {
  moderator: true,
  data: new SlashCommandBuilder()
    .setName('settings')
    .setDescription('This server’s time zone and the channel for moderators’ notices')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('Set the time zone, the notices channel, or both')
        .addStringOption((o) =>
          o.setName('timezone').setDescription('An IANA time zone, like Asia/Seoul or Europe/Kyiv').setMaxLength(60),
        )
        .addChannelOption((o) =>
          o
            .setName('notices')
            .setDescription('Where moderators hear that a source fails, is paused or recovers')
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        ),
    )
    .addSubcommand((s) => s.setName('show').setDescription('What this server has set'))
    .addSubcommand((s) =>
      s
        .setName('reset')
        .setDescription('Put a setting back to the default')
        .addStringOption((o) =>
          o
            .setName('what')
            .setDescription('timezone, notices or all')
            .setRequired(true)
            .addChoices(...RESETTABLE.map((name) => ({ name, value: name }))),
        ),
    ),
  execute: (input, { newsroom, now }) => {
    const scope = scopeOf(input.guildId);
    const by = input.user ?? 'a moderator';
    switch (input.options.getSubcommand(true)) {
      case 'set':
        return changeSettings(
          newsroom,
          scope,
          {
            timeZone: input.options.getString('timezone'),
            noticesChannel: input.options.getChannel('notices')?.id ?? null,
          },
          by,
          now,
        );
      case 'reset':
        return resetSettings(
          newsroom,
          scope,
          input.options.getString('what', true) as (typeof RESETTABLE)[number],
          by,
          now,
        );
      default:
        return showSettings(newsroom, scope, now);
    }
  },
};
