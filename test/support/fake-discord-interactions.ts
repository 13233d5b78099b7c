// Interaction bookkeeping for the fake Discord API: which interactions were sent, their callback
// (reply / defer / autocomplete result ...), edits of @original and follow-ups, and waiting on them.
import { buildMessage } from './fake-discord-builders.js';
import { DiscordError, type RecordedRequest, type RouteResult } from './fake-discord-rest.js';

type Json = Record<string, any>;

export interface InteractionCallback {
  type: number;
  data: any;
  request: RecordedRequest;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** The INTERACTION_CREATE payload that was dispatched. */
  payload: Json;
  /** The first (and only accepted) callback: type 4 reply, 5 deferred, 6/7 component update, 8 autocomplete result, 9 modal. */
  callback: InteractionCallback | undefined;
  /** The original response message as it stands after the callback and any edits. */
  original: Json | undefined;
  /** PATCH requests on the interaction webhook (`@original` or follow-up ids), in order. */
  edits: RecordedRequest[];
  /** POST follow-up requests on the interaction webhook. */
  followUps: RecordedRequest[];
  deletes: RecordedRequest[];
  /** Resolves with edit number `count` (default: the next one). */
  waitForEdit(count?: number, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves with follow-up number `count` (default: the next one). */
  waitForFollowUp(count?: number, timeoutMs?: number): Promise<RecordedRequest>;
}

interface Waiter {
  check: () => unknown;
  resolve: (value: any) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const EPHEMERAL = 64;
const LOADING = 128;

export class InteractionTracker {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly waiters = new Set<Waiter>();
  private readonly followUpMessages = new Map<string, Json>();

  constructor(
    private readonly bot: Json,
    private readonly defaultTimeoutMs: number,
  ) {}

  get all(): InteractionRecord[] {
    return [...this.byId.values()];
  }

  register(payload: Json): InteractionRecord {
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload,
      callback: undefined,
      original: undefined,
      edits: [],
      followUps: [],
      deletes: [],
      waitForEdit: (count = record.edits.length + 1, timeoutMs) =>
        this.wait(() => record.edits[count - 1], timeoutMs, `edit #${count} of interaction ${describe(record)}`),
      waitForFollowUp: (count = record.followUps.length + 1, timeoutMs) =>
        this.wait(
          () => record.followUps[count - 1],
          timeoutMs,
          `follow-up #${count} of interaction ${describe(record)}`,
        ),
    };
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
    return record;
  }

  waitForCallback(record: InteractionRecord, timeoutMs?: number): Promise<InteractionRecord> {
    return this.wait(
      () => (record.callback ? record : undefined),
      timeoutMs,
      `callback for interaction ${describe(record)}`,
    );
  }

  /** Resolves once `check` returns something other than undefined; rejects after the timeout or on close. */
  wait<T>(check: () => T | undefined, timeoutMs = this.defaultTimeoutMs, what = 'condition'): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`fake discord: no ${what} within ${timeoutMs}ms`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Re-check all waiters; the fake calls this after every answered request. */
  notify(): void {
    for (const waiter of [...this.waiters]) {
      const value = waiter.check();
      if (value === undefined) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(value);
    }
  }

  close(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('fake discord: closed while waiting'));
    }
    this.waiters.clear();
  }

  callback(id: string, token: string, req: RecordedRequest): RouteResult {
    const record = this.byId.get(id);
    if (!record || record.token !== token) throw new DiscordError(404, 'Unknown interaction', 10062);
    if (record.callback) throw new DiscordError(400, 'Interaction has already been acknowledged.', 40060);
    const type = Number(req.body?.type);
    const data = req.body?.data;
    const isAutocomplete = record.payload.type === 4;
    if (isAutocomplete !== (type === 8) || ![1, 4, 5, 6, 7, 8, 9, 10, 12].includes(type)) {
      throw new DiscordError(
        400,
        `Invalid Form Body (callback type ${type} for interaction type ${record.payload.type})`,
        50035,
      );
    }
    record.callback = { type, data, request: req };
    if (type === 4 || type === 5) {
      const flags = (Number(data?.flags ?? 0) & EPHEMERAL) | (type === 5 ? LOADING : 0);
      record.original = this.message(record, type === 4 ? { ...data, flags } : { flags });
    }
    if (req.query.with_response !== 'true') return { status: 204 };
    const flags = Number(record.original?.flags ?? 0);
    return {
      body: {
        interaction: {
          id: record.id,
          type: record.payload.type,
          activity_instance_id: null,
          response_message_id: record.original?.id ?? null,
          response_message_loading: (flags & LOADING) !== 0,
          response_message_ephemeral: (flags & EPHEMERAL) !== 0,
        },
        resource: record.original ? { type, message: record.original } : { type },
      },
    };
  }

  /** GET / PATCH / DELETE on `/webhooks/:app/:token/messages/:message`. */
  webhookMessage(token: string, messageId: string, req: RecordedRequest): RouteResult {
    const record = this.record(token);
    const isOriginal = messageId === '@original' || messageId === record.original?.id;
    const current = isOriginal ? record.original : this.followUpMessages.get(`${token}/${messageId}`);
    if (!current) throw new DiscordError(404, 'Unknown Message', 10008);
    if (req.method === 'GET') return { body: current };
    if (req.method === 'DELETE') {
      record.deletes.push(req);
      return { status: 204 };
    }
    const body = req.body ?? {};
    const next: Json = {
      ...current,
      edited_timestamp: new Date().toISOString(),
      flags: Number(current.flags) & ~LOADING,
    };
    for (const key of ['content', 'embeds', 'components', 'attachments', 'poll'] as const)
      if (key in body) next[key] = body[key];
    if (isOriginal) record.original = next;
    else this.followUpMessages.set(`${token}/${messageId}`, next);
    record.edits.push(req);
    return { body: next };
  }

  /** POST `/webhooks/:app/:token`: a follow-up message (needs a callback first). */
  followUp(token: string, req: RecordedRequest): RouteResult {
    const record = this.record(token);
    if (!record.callback) throw new DiscordError(404, 'Unknown Webhook', 10015);
    const message = this.message(record, req.body ?? {});
    this.followUpMessages.set(`${token}/${message.id}`, message);
    record.followUps.push(req);
    return req.query.wait === 'false' ? { status: 204 } : { body: message };
  }

  private record(token: string): InteractionRecord {
    const record = this.byToken.get(token);
    if (!record) throw new DiscordError(404, 'Unknown Webhook', 10015);
    return record;
  }

  private message(record: InteractionRecord, body: Json): Json {
    const { payload } = record;
    return buildMessage(payload.channel_id, this.bot, body, {
      type: 20,
      webhook_id: payload.application_id,
      application_id: payload.application_id,
      guild_id: payload.guild_id,
      interaction_metadata: {
        id: record.id,
        type: payload.type,
        name: payload.data?.name,
        user: payload.member?.user ?? payload.user,
        authorizing_integration_owners: payload.authorizing_integration_owners ?? {},
      },
    });
  }
}

function describe(record: InteractionRecord): string {
  return `${record.id} (/${record.payload.data?.name ?? '?'})`;
}
