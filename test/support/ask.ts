// A slash command typed as the console reads it, answered through the one error boundary for a
// server (null: the console), as a member or a moderator.
import type { Answer } from '../../src/answers/answer.js';
import { type App, commandContext } from '../../src/app/app.js';
import { answerCommand } from '../../src/app/dispatch.js';
import { knownValuesOf } from '../../src/console/ask.js';
import { optionReader, parseCommandLine } from '../../src/console/command-line.js';
import { unescapeMarkdown } from '../../src/format/markdown.js';
import { silentLogger } from '../../src/log.js';

export interface Asker {
  guildId: string | null;
  moderator?: boolean;
  user?: string;
  now: Date;
}

export function askApp(app: App, line: string, who: Asker): Promise<Answer> {
  const context = commandContext(app, who.now);
  const parsed = parseCommandLine(
    line,
    app.commands.map((c) => c.data.toJSON()),
    knownValuesOf(app.commands, who.guildId, context),
  );
  const input = {
    commandName: parsed.name,
    guildId: who.guildId,
    options: optionReader(parsed),
    moderator: who.moderator ?? true,
    user: who.user ?? 'editor',
  };
  return answerCommand(app.commands, input, context, silentLogger);
}

/** Everything an answer says, as plain text: headings, lines and footer, without bold marks. */
export const answerText = (answer: Answer): string =>
  unescapeMarkdown(
    [
      answer.title,
      answer.summary,
      ...answer.sections.flatMap((s) => [s.heading, ...s.lines]),
      answer.footer ?? '',
    ].join('\n'),
  ).replace(/\*\*/g, '');
