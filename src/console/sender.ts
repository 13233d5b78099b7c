/**
 * Console mode's delivery: alerts print in the terminal between answers. The outbox row keeps
 * the Discord payload; the console shows the Answer it was rendered from, as replies are shown.
 */
import type { Answer } from '../answers/answer.js';
import type { MessageEditor } from '../delivery/edits.js';
import type { Sender, SendResult } from '../delivery/sender.js';
import { type DiscordPayload, renderText } from '../render/render.js';

/** Prints every message and reports it sent: a terminal never refuses. */
export function consoleSender(write: (text: string) => void): Sender {
  let printed = 0;
  return {
    async send(channelId: string, payload: DiscordPayload): Promise<SendResult> {
      write(renderText(answerOf(payload)));
      printed += 1;
      return { status: 'sent', messageId: `console-${channelId}-${printed}` };
    },
  };
}

/** Console mode's edits: the corrected message is printed again, marked as an edit. */
export function consoleEditor(write: (text: string) => void): MessageEditor {
  return {
    async edit(_channelId: string, messageId: string, payload: DiscordPayload): Promise<SendResult> {
      write(`(edited ${messageId})\n${renderText(answerOf(payload))}`);
      return { status: 'sent', messageId };
    },
  };
}

/**
 * Back from the payload to an Answer. The embed already went through render.ts's cuts, which
 * only shorten text, so the console shows what Discord would, markdown taken out.
 */
function answerOf(payload: DiscordPayload): Answer {
  const embed = payload.embeds[0];
  const answer: Answer = {
    title: embed?.title ?? payload.content ?? '',
    sections: (embed?.fields ?? []).map((field) => ({ heading: field.name, lines: field.value.split('\n') })),
  };
  if (embed?.description !== undefined) answer.summary = embed.description;
  if (embed?.footer) answer.footer = embed.footer.text;
  if (embed?.url !== undefined) answer.url = embed.url;
  return answer;
}
