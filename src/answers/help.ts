import { type CommandJSON, usageOf } from '../format/usage.js';
import type { Answer } from './answer.js';

/** /help from the registry itself, so it can never list a command that does not exist. */
export function helpAnswer(commands: readonly CommandJSON[]): Answer {
  const everyone = commands.filter((c) => !c.default_member_permissions);
  const moderators = commands.filter((c) => c.default_member_permissions);
  // A command with subcommands has one usage line each: each gets its own code span.
  const line = (c: CommandJSON) =>
    `${usageOf(c)
      .split('\n')
      .map((usage) => `\`${usage}\``)
      .join(', ')}: ${c.description}`;
  return {
    title: 'claimwatch: who claims what, how hedged, relayed by whom',
    summary:
      'Figures from the reporting this server follows, grouped by claimant. Claim numbers like #42 open with /claim.',
    sections: [
      { heading: 'Commands', lines: everyone.map(line) },
      { heading: 'Moderators', lines: moderators.map(line) },
    ].filter((s) => s.lines.length > 0),
    footer: 'Options go in order or as name:value, e.g. /troops since:2024-11-01 claimant:NIS',
  };
}
