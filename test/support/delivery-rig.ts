// The suite's store (tempApp: SQLite or Postgres), a fake Discord on 127.0.0.1 and the real @discordjs/rest client
// talking to it, for outbox delivery tests. Call close() in afterEach.
import { REST, type RESTOptions } from 'discord.js';
import { alertMessage } from '../../src/alerting/alert-message.js';
import type { Alert } from '../../src/alerting/alert-rule.js';
import { encodePayload } from '../../src/alerting/message-payload.js';
import type { MessageKind } from '../../src/store/outbox.js';
import type { StorePort } from '../../src/store/store-port.js';
import { type RecordingLogger, recordingLogger } from './bot-app.js';
import { type FakeDiscord, startFakeDiscord } from './fake-discord.js';
import { FAKE_TOKEN } from './fake-discord-client.js';
import { type TempApp, tempApp } from './store-app.js';

export const LABEL = 'North Korean troops in Russia';
export const NOW = new Date('2025-05-01T12:00:00Z');
export const later = (ms: number, from: Date = NOW): Date => new Date(from.getTime() + ms);

export function figureAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    kind: 'figure',
    claimId: 12,
    figureKey: 'troops|Pentagon|reported|troops|12000|12000',
    topic: 'troops',
    low: 12_000,
    high: 12_000,
    hedge: 'approximately',
    unit: 'troops',
    measure: 'troops',
    status: 'reported',
    claimant: 'Pentagon',
    via: 'Yonhap',
    outlet: 'Kyiv Independent',
    date: '2024-11-13',
    url: 'https://example-news.test/kyiv/2',
    sentence:
      'The Pentagon now estimates that approximately 12,000 North Korean troops are in Russia, Yonhap reported.',
    previous: { low: 3000, high: 3000, date: '2024-10-31', status: 'reported' },
    delta: 9000,
    range: { low: 10_000, high: 12_000, claimants: 2, newestDay: '2024-11-13' },
    ...overrides,
  };
}

export interface OutboxRow {
  id: number;
  channelId: string;
  kind: string;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  messageId: string | null;
  lastError: string | null;
  nonce: string;
  payload: string;
}

export interface DeliveryRig {
  temp: TempApp;
  fake: FakeDiscord;
  rest: REST;
  log: RecordingLogger;
  readonly port: StorePort;
  guildId: string;
  /** Channel id by name in the fake guild. */
  channel(name: string): string;
  /** Queues an alert (or another kind) for a channel of the fake guild, as the decider would. */
  queue(
    channel: string,
    options?: { folded?: boolean; claimant?: string; kind?: MessageKind; payload?: string; at?: Date },
  ): Promise<number>;
  row(id: number): Promise<OutboxRow>;
  rows(): Promise<OutboxRow[]>;
  /** A REST client with other options (closed with the rig). */
  restWith(options: Partial<RESTOptions>): REST;
  close(): Promise<void>;
}

export async function deliveryRig(channels = ['general', 'alerts', 'desk']): Promise<DeliveryRig> {
  const fake = await startFakeDiscord({ token: FAKE_TOKEN, guild: { channels: channels.map((name) => ({ name })) } });
  const temp = await tempApp();
  const clients: REST[] = [];
  const restWith = (options: Partial<RESTOptions>) => {
    const client = new REST({ ...options, api: fake.restBase }).setToken(FAKE_TOKEN);
    clients.push(client);
    return client;
  };
  const channel = (name: string) => fake.channel(name).id as string;
  const select = `SELECT id, channel_id AS "channelId", kind, status, attempts, next_attempt_at AS "nextAttemptAt",
    message_id AS "messageId", last_error AS "lastError", nonce, payload FROM outbox`;
  const rig: DeliveryRig = {
    temp,
    fake,
    rest: restWith({}),
    log: recordingLogger(),
    guildId: fake.guild.id as string,
    channel,
    get port() {
      return temp.app.port;
    },
    queue(name, options = {}) {
      const payload =
        options.payload ??
        encodePayload(alertMessage(figureAlert({ claimant: options.claimant ?? 'Pentagon' }), LABEL));
      return rig.port.outbox.enqueue(
        {
          guildId: rig.guildId,
          channelId: channel(name),
          kind: options.kind ?? 'alert',
          payload,
          folded: options.folded,
        },
        options.at ?? NOW,
      );
    },
    row: async (id) => {
      const [found] = await temp.query<OutboxRow>(`${select} WHERE id = $1`, [id]);
      if (!found) throw new Error(`no outbox row ${id}`);
      return found;
    },
    rows: () => temp.query<OutboxRow>(`${select} ORDER BY id`),
    restWith,
    async close() {
      for (const client of clients) {
        client.clearHashSweeper();
        client.clearHandlerSweeper();
      }
      await fake.close();
      await temp.close();
    },
  };
  return rig;
}

export const POST_MESSAGES = 'POST /channels/:id/messages';
