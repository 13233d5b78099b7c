/** The Discord edge of message edits: PATCH /channels/:id/messages/:message, failures mapped as sends are. */
import { DiscordAPIError, type REST, Routes } from 'discord.js';
import type { MessageEditor } from '../delivery/edits.js';
import type { SendResult } from '../delivery/sender.js';
import type { DiscordPayload } from '../render/render.js';
import { classify } from './sender.js';

const UNKNOWN_MESSAGE = 10008;

export function discordEditor(rest: REST): MessageEditor {
  return {
    async edit(channelId: string, messageId: string, payload: DiscordPayload): Promise<SendResult> {
      try {
        await rest.patch(Routes.channelMessage(channelId, messageId), { body: payload });
        return { status: 'sent', messageId };
      } catch (error) {
        // A message someone deleted cannot be edited, however often it is tried.
        if (error instanceof DiscordAPIError && error.code === UNKNOWN_MESSAGE)
          return { status: 'rejected', error: 'the message was deleted' };
        return classify(error);
      }
    },
  };
}
