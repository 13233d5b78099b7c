import type { AutocompleteInput, Command, CommandContext, CommandInput } from '../../commands/types.js';
import type { Answer, Choice } from '../answers/answer.js';
import { MAX_CHOICES } from '../answers/choices.js';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';

/** What a member sees when a command cannot answer: only them, and only the safe message. */
export function failure(message: string): Answer {
  return { title: 'Sorry', summary: message, sections: [], ephemeral: true };
}

/** discord.js's own complaints about a forged or stale interaction's options. */
const isOptionError = (error: unknown) =>
  /^CommandInteractionOption/.test(String((error as { code?: unknown })?.code ?? ''));

/**
 * The one error boundary: a UserError becomes an ephemeral reply that shows its message;
 * anything else is logged by command name and the member gets an apology, not a stack trace.
 */
export async function answerCommand(
  commands: readonly Command[],
  input: CommandInput,
  context: CommandContext,
  log: Logger,
): Promise<Answer> {
  const command = commands.find((c) => c.data.name === input.commandName);
  if (!command) return failure(`I don't know /${input.commandName}. /help lists what I can answer.`);
  // Discord hides moderator commands from members without Manage Server, but that setting is the
  // server's to change and the interaction is the member's to forge: the check that counts is here.
  if (command.moderator && !input.moderator) {
    return failure(
      `/${input.commandName} is for moderators: it needs the Manage Server permission${input.guildId ? ' or the moderator role' : ', in a server'}.`,
    );
  }
  try {
    return await command.execute(input, context);
  } catch (error) {
    if (error instanceof UserError) return failure(error.message);
    if (isOptionError(error))
      return failure(
        `That /${input.commandName} was missing an option or had one of the wrong kind. /help shows how to ask.`,
      );
    log.error(`/${input.commandName} failed`, error);
    return failure('Something went wrong on our side while answering; it has been logged. Please try again.');
  }
}

/** Autocomplete never fails loudly: a member typing sees no choices rather than an error. */
export async function answerAutocomplete(
  commands: readonly Command[],
  input: AutocompleteInput,
  context: CommandContext,
  log: Logger,
): Promise<Choice[]> {
  const command = commands.find((c) => c.data.name === input.commandName);
  if (!command?.autocomplete) return [];
  try {
    return (await command.autocomplete(input, context)).slice(0, MAX_CHOICES);
  } catch (error) {
    if (!(error instanceof UserError)) log.error(`/${input.commandName} autocomplete failed`, error);
    return [];
  }
}
