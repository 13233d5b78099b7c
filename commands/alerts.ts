import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { followTopic, listRoutes, setBriefing, unfollowTopic } from '../src/alerting/routes-desk.js';
import { explainAlerts } from '../src/alerting/why.js';
import { topicChoices } from '../src/answers/choices.js';
import { UserError } from '../src/errors.js';
import { zoneOf } from '../src/settings/zone.js';
import { scopeOf } from '../src/store/records.js';
import type { Command, CommandInput } from './types.js';

const topicOption = (s: SlashCommandSubcommandBuilder) =>
  s.addStringOption((o) =>
    o
      .setName('topic')
      .setDescription('A topic: "troops", "casualties"')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  );
// Alerts are posted as ordinary messages: only channels that take them (no forums, voice or threads).
const channelOption = (s: SlashCommandSubcommandBuilder, description: string) =>
  s.addChannelOption((o) =>
    o
      .setName('channel')
      .setDescription(description)
      .setRequired(true)
      .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
  );

const channelOf = (input: CommandInput) => input.options.getChannel('channel', true)!.id;

export const alerts: Command = {
  moderator: true,
  data: new SlashCommandBuilder()
    .setName('alerts')
    .setDescription('Where new figures are posted: follow topics, schedule briefings, see why a claim alerted')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      channelOption(
        topicOption(
          s.setName('follow').setDescription('Post an alert in a channel when a new figure on a topic lands'),
        ),
        'Where alerts go',
      ),
    )
    .addSubcommand((s) =>
      channelOption(
        topicOption(s.setName('unfollow').setDescription("Stop a channel's alerts on a topic")),
        'The channel that follows it',
      ),
    )
    .addSubcommand((s) =>
      s.setName('list').setDescription('What each channel follows, broken channels, and briefing schedules'),
    )
    .addSubcommand((s) =>
      channelOption(
        s.setName('digest').setDescription('A scheduled briefing in a channel; "off" stops it'),
        'Where the briefing goes',
      ).addStringOption((o) =>
        o
          .setName('schedule')
          .setDescription('"weekdays 08:00", "daily 07:30", "monday 09:00", a cron expression, or "off"')
          .setRequired(true)
          .setMaxLength(100),
      ),
    )
    .addSubcommand((s) =>
      s
        .setName('why')
        .setDescription("Why a claim or an article's claims did or did not alert here")
        .addStringOption((o) =>
          o
            .setName('target')
            .setDescription("A claim number (42), an article's link, or article:ID")
            .setRequired(true)
            .setMaxLength(500),
        ),
    ),
  execute: (input, { newsroom, now }) => {
    const scope = scopeOf(input.guildId);
    switch (input.options.getSubcommand(true)) {
      case 'follow':
        return followTopic(newsroom, scope, input.options.getString('topic', true)!, channelOf(input), now);
      case 'unfollow':
        return unfollowTopic(newsroom, scope, input.options.getString('topic', true)!, channelOf(input));
      case 'list':
        return listRoutes(newsroom, scope);
      case 'digest':
        return setBriefing(newsroom, scope, channelOf(input), input.options.getString('schedule', true)!, now);
      case 'why':
        return zoneOf(newsroom, scope).then((zone) =>
          explainAlerts(newsroom.index, newsroom.port, scope, input.options.getString('target', true)!, zone),
        );
      default:
        throw new UserError('/alerts takes follow, unfollow, list, digest or why.');
    }
  },
  // Not gated like execute: topic names are no secret (/help lists their commands).
  autocomplete: (input, { newsroom: { index } }) =>
    input.focused.name === 'topic' ? topicChoices(index, input.focused.value, input.guildId) : [],
};
