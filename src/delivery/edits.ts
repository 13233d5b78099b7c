/**
 * Editing alert messages that already went out: a moderator's correction or retraction, or
 * "also reported by" as other outlets carry the figure. The outbox row holds the latest payload,
 * so whatever changed meanwhile goes out as one edit, and a restart still sends it.
 */
import { decodePayload } from '../alerting/message-payload.js';
import type { Logger } from '../log.js';
import { type DiscordPayload, renderPayload } from '../render/render.js';
import type { StorePort } from '../store/store-port.js';
import { withReference } from './reference.js';
import type { SendResult } from './sender.js';

export interface MessageEditor {
  edit(channelId: string, messageId: string, payload: DiscordPayload): Promise<SendResult>;
}

export interface EditReport {
  edited: number;
  retried: number;
  failed: number;
}

/** 30 s × 2^attempts, at most 30 min, or longer when Discord asks. */
const retryDelay = (attempts: number, retryAfterMs = 0) =>
  Math.max(Math.min(30_000 * 2 ** Math.min(attempts, 20), 30 * 60_000), retryAfterMs);

export async function deliverEdits(
  store: StorePort,
  editor: MessageEditor,
  now: Date,
  log: Logger,
): Promise<EditReport> {
  const report: EditReport = { edited: 0, retried: 0, failed: 0 };
  for (const row of await store.edits.due(now)) {
    const { answer } = decodePayload(row.payload);
    // The edited message keeps the reference its post carried (see reference.ts).
    const payload = withReference(renderPayload({ ...answer, ephemeral: false }), row.nonce);
    const result = await editSafely(editor, row.channelId, row.messageId!, payload);
    if (result.status === 'sent') {
      await store.edits.edited(row.id, now);
      report.edited++;
    } else if (result.status === 'retry') {
      await store.edits.retryLater(row.id, new Date(now.getTime() + retryDelay(row.editAttempts, result.retryAfterMs)));
      log.warn(`editing message ${row.messageId} in channel ${row.channelId}: ${result.error}; will retry`);
      report.retried++;
    } else {
      await store.edits.giveUp(row.id);
      log.warn(`editing message ${row.messageId} in channel ${row.channelId} refused: ${result.error}`);
      report.failed++;
    }
  }
  return report;
}

async function editSafely(
  editor: MessageEditor,
  channelId: string,
  messageId: string,
  payload: DiscordPayload,
): Promise<SendResult> {
  try {
    return await editor.edit(channelId, messageId, payload);
  } catch (error) {
    return { status: 'retry', error: error instanceof Error ? error.message : String(error) };
  }
}
