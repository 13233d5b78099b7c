// The fake Discord gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat ACKs, a light RESUME,
// sequence numbers, and dispatching arbitrary events. JSON frames; zlib-stream if the client asks.
// Sharded as Discord is: a session identified as shard [id, count] hears only of the servers
// whose (guild_id >> 22) % count is its id.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createDeflate, type Deflate, constants as zlibConstants } from 'node:zlib';
import { type WebSocket, WebSocketServer } from 'ws';

type Json = Record<string, any>;

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** Accepted token, or undefined to accept any. */
  token: string | undefined;
  /** READY `d` minus session_id / resume_gateway_url, and the GUILD_CREATE payloads to follow it. */
  ready(): { ready: Json; guilds: Json[] };
  url(): string;
  /** Close every IDENTIFY with this code, as Discord does for a bad token (4004) or disallowed intents (4014). */
  refuseIdentify?: number;
}

interface Session {
  id: string;
  /** [shard id, shard count] as identified. */
  shard: [number, number];
  seq: number;
  events: Json[];
  socket: WebSocket | undefined;
}
interface Connection {
  socket: WebSocket;
  query: URLSearchParams;
  deflate: Deflate | undefined;
  session: Session | undefined;
}

export class FakeGateway {
  readonly wss: WebSocketServer;
  /** IDENTIFY `d` payloads received (token, intents, properties ...). */
  readonly identifies: Json[] = [];
  readonly resumes: Json[] = [];
  /** Query strings of every connection, e.g. `{v: '10', encoding: 'json'}`. */
  readonly connections: Array<Record<string, string>> = [];
  heartbeats = 0;
  private readonly live = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();

  constructor(
    server: Server,
    private readonly options: GatewayOptions,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket, request) =>
      this.accept(socket, new URL(request.url ?? '/', 'ws://fake.invalid').searchParams),
    );
  }

  /** Sessions that completed IDENTIFY or RESUME and still have an open socket. */
  get readySessions(): number {
    return [...this.live].filter((c) => c.session).length;
  }

  /** The [id, count] of each session that is connected now. */
  get liveShards(): Array<[number, number]> {
    return [...this.live].flatMap((c) => (c.session ? [c.session.shard] : []));
  }

  /**
   * Sends a dispatch (op 0) to every identified connection, or, for an event of one server, to
   * the shard that server is on; returns how many received it.
   */
  dispatch(t: string, d: unknown): number {
    let sent = 0;
    const guildId = (d as Json | null)?.guild_id as string | undefined;
    for (const session of this.sessions.values()) {
      if (guildId && !onShard(guildId, session.shard)) continue;
      this.emit(session, t, d);
      if (session.socket) sent++;
    }
    return sent;
  }

  /** Asks clients to reconnect (op 7); discord.js then RESUMEs on resume_gateway_url. */
  requestReconnect(): void {
    for (const conn of this.live) this.send(conn, { op: 7, d: null });
  }

  /** Closes every socket with 4004 (unrecoverable, so a forgotten client stops reconnecting) and the server. */
  async close(): Promise<void> {
    if (this.live.size > 0) {
      for (const conn of this.live) conn.socket.close(4004, 'fake discord closed');
      await new Promise<void>((resolve) => setTimeout(resolve, 20)); // let the close frames out before terminating
    }
    for (const client of this.wss.clients) client.terminate();
    for (const conn of this.live) conn.deflate?.close();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket, query: URLSearchParams): void {
    this.connections.push(Object.fromEntries(query));
    if ((query.get('encoding') ?? 'json') !== 'json') {
      socket.close(4002, 'fake discord only speaks json');
      return;
    }
    const conn: Connection = { socket, query, session: undefined, deflate: undefined };
    if (query.get('compress') === 'zlib-stream') {
      conn.deflate = createDeflate({ flush: zlibConstants.Z_SYNC_FLUSH });
      conn.deflate.on('data', (chunk: Buffer) => socket.readyState === socket.OPEN && socket.send(chunk));
    }
    this.live.add(conn);
    socket.on('message', (data) => this.receive(conn, data.toString()));
    socket.on('close', (code) => {
      this.live.delete(conn);
      conn.deflate?.close();
      if (conn.session?.socket === socket) conn.session.socket = undefined;
      // A clean close (1000/1001) ends the session, like Discord; others (e.g. 4200 resuming) keep it resumable.
      if (conn.session && (code === 1000 || code === 1001)) this.sessions.delete(conn.session.id);
    });
    this.send(conn, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['fake-discord'] } });
  }

  private receive(conn: Connection, text: string): void {
    let payload: Json;
    try {
      payload = JSON.parse(text);
    } catch {
      conn.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case 1:
        this.heartbeats++;
        this.send(conn, { op: 11 });
        return;
      case 2:
        this.identify(conn, payload.d ?? {});
        return;
      case 6:
        this.resume(conn, payload.d ?? {});
        return;
      case 3:
      case 4:
      case 8:
        return; // presence / voice state / request guild members: accepted and ignored
      default:
        conn.socket.close(4001, 'Unknown opcode.');
    }
  }

  private identify(conn: Connection, d: Json): void {
    this.identifies.push(d);
    if (conn.session) return void conn.socket.close(4005, 'Already authenticated.');
    if (this.options.refuseIdentify) return void conn.socket.close(this.options.refuseIdentify, 'Refused by the fake.');
    if (this.options.token !== undefined && d.token !== this.options.token)
      return void conn.socket.close(4004, 'Authentication failed.');
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) return void conn.socket.close(4010, 'Invalid shard.');
    const session: Session = { id: randomBytes(16).toString('hex'), shard, seq: 0, events: [], socket: conn.socket };
    this.sessions.set(session.id, session);
    conn.session = session;
    const { ready, guilds } = this.options.ready();
    this.emit(session, 'READY', {
      ...ready,
      session_id: session.id,
      resume_gateway_url: this.options.url(),
      guilds: ready.guilds.filter((g: Json) => onShard(g.id, shard)),
      shard,
    });
    for (const guild of guilds) if (onShard(guild.id, shard)) this.emit(session, 'GUILD_CREATE', guild);
  }

  private resume(conn: Connection, d: Json): void {
    this.resumes.push(d);
    const session = this.sessions.get(d.session_id);
    if (!session || (this.options.token !== undefined && d.token !== this.options.token)) {
      this.send(conn, { op: 9, d: false });
      return;
    }
    session.socket = conn.socket;
    conn.session = session;
    for (const event of session.events) if (event.s > Number(d.seq ?? 0)) this.send(conn, event);
    this.emit(session, 'RESUMED', { _trace: ['fake-discord'] });
  }

  private emit(session: Session, t: string, d: unknown): void {
    const event = { op: 0, t, s: ++session.seq, d };
    session.events.push(event);
    if (session.events.length > 500) session.events.shift();
    const conn = [...this.live].find((c) => c.socket === session.socket);
    if (conn) this.send(conn, event);
  }

  private send(conn: Connection, payload: Json): void {
    // With zlib-stream the deflate stream (one context per connection, Z_SYNC_FLUSH after each
    // write, so every message ends in 00 00 ff ff) forwards its output to the socket; see accept().
    if (conn.deflate) conn.deflate.write(JSON.stringify(payload));
    else conn.socket.send(JSON.stringify(payload));
  }
}

/** Discord's rule for which shard hears of a server. */
export function onShard(guildId: string, [id, count]: [number, number]): boolean {
  return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
}
