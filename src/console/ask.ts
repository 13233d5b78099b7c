import type { Command, CommandContext } from '../../commands/types.js';
import type { Answer } from '../answers/answer.js';
import { type App, commandContext } from '../app/app.js';
import { answerCommand, failure } from '../app/dispatch.js';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import { type KnownValues, optionReader, type ParsedCommand, parseCommandLine } from './command-line.js';

/** What the commands know of their options' values for this server, for the parser. */
export const knownValuesOf =
  (commands: readonly Command[], guildId: string | null, context: CommandContext): KnownValues =>
  (command, option) =>
    commands.find((c) => c.data.name === command)?.knownValues?.(option, guildId, context);

/**
 * A typed slash command, answered as the bot would answer it in Discord: the console and
 * `cli ask` both come through here, so the two modes share one code path after parsing.
 */
export async function answerLine(
  app: App,
  line: string,
  now: Date,
  log: Logger,
  guildId: string | null = null,
): Promise<Answer> {
  let parsed: ParsedCommand;
  const context = commandContext(app, now);
  try {
    parsed = parseCommandLine(
      line,
      app.commands.map((c) => c.data.toJSON()),
      knownValuesOf(app.commands, guildId, context),
    );
  } catch (error) {
    if (error instanceof UserError) return failure(error.message);
    throw error;
  }
  // Whoever types at the console or runs the cli runs the bot: they are its moderator.
  const input = { commandName: parsed.name, guildId, options: optionReader(parsed), moderator: true, user: 'console' };
  return answerCommand(app.commands, input, context, log);
}
