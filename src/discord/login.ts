/**
 * Logging in, with every way it can fail for good said as a cause and a fix. discord.js reports a
 * fatal gateway close (a bad token, intents the application may not use) as a shard that stops
 * reconnecting, or as a bare "Authentication failed" from login; left alone the process either
 * printed a stack or simply ran out of work and exited with nothing said.
 */
import { type Client, Events } from 'discord.js';

/** The bot cannot log in or stay connected, and retrying will not help: the operator must change something. */
export class LoginFailure extends Error {
  override readonly name = 'LoginFailure';
  constructor(
    readonly code: number | null,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_FIX =
  'check DISCORD_TOKEN: copy the token again from the Developer Portal (Bot > Reset Token), without a "Bot " prefix';
const INTENTS_FIX =
  'claimwatch asks for the Guilds intent only; check that the application is a bot and that a privileged intent has not been required of it in the Developer Portal (Bot > Privileged Gateway Intents)';

/** Discord's unrecoverable gateway close codes, as the operator needs to read them. */
const FATAL_CLOSES: Record<number, string> = {
  4004: `Discord refused the bot token (gateway close 4004, authentication failed): ${TOKEN_FIX}`,
  4010: 'Discord refused the shard settings (gateway close 4010, invalid shard): set DISCORD_SHARDS to auto',
  4011: 'Discord requires more shards for this bot (gateway close 4011): it is in too many servers for each connection; set DISCORD_SHARDS to auto or a larger count',
  4012: 'Discord refused the gateway version (gateway close 4012): update discord.js',
  4013: `Discord refused the intents (gateway close 4013, invalid intents): ${INTENTS_FIX}`,
  4014: `Discord refused the intents (gateway close 4014, disallowed intents): ${INTENTS_FIX}`,
};

// What @discordjs/ws throws from login for the two fatal closes an operator causes.
const LOGIN_ERRORS: Array<[RegExp, number]> = [
  [/authentication failed/i, 4004],
  [/disallowed intents/i, 4014],
  [/invalid intents/i, 4013],
];

export function refusalFor(code: number): LoginFailure | null {
  const text = FATAL_CLOSES[code];
  return text ? new LoginFailure(code, text) : null;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT']);

/** The errno code of a failed fetch: undici hides it in `cause`. */
function networkCode(error: unknown): string | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return null;
}

/** A login failure as one the operator can act on, or null when it is something else. */
export function explainLoginError(error: unknown, apiBase = 'DISCORD_API_BASE'): LoginFailure | null {
  if (error instanceof LoginFailure) return error;
  const unreachable = networkCode(error);
  if (unreachable)
    return new LoginFailure(
      null,
      `Could not reach Discord at ${apiBase} (${unreachable}): check DISCORD_API_BASE (leave it empty for Discord itself) and the network`,
    );
  const code = (error as { code?: unknown } | null)?.code;
  // discord.js's own name for a token REST refused (401 on /gateway/bot).
  if (code === 'TokenInvalid') return new LoginFailure(null, `Discord refused the bot token (HTTP 401): ${TOKEN_FIX}`);
  const message = error instanceof Error ? error.message : '';
  const known = LOGIN_ERRORS.find(([pattern]) => pattern.test(message));
  return known ? refusalFor(known[1]) : null;
}

/**
 * Logs in and waits for READY. A fatal close before READY rejects with a LoginFailure;
 * one after READY is handed to `onFatalClose`, since the bot is then disconnected for good.
 */
export async function loginUntilReady(
  client: Client,
  token: string,
  onFatalClose: (refusal: LoginFailure) => void,
  apiBase?: string,
): Promise<void> {
  let ready = false;
  let refuse: (refusal: LoginFailure) => void = () => {};
  const refused = new Promise<never>((_resolve, reject) => (refuse = reject));
  refused.catch(() => {}); // raced below; a refusal after READY goes to onFatalClose instead
  client.on(Events.ShardDisconnect, ({ code }) => {
    const refusal = refusalFor(code) ?? new LoginFailure(code, `Discord closed the gateway for good (close ${code})`);
    if (ready) onFatalClose(refusal);
    else refuse(refusal);
  });
  const readyEvent = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await Promise.race([client.login(token).then(() => readyEvent), refused]);
    ready = true;
  } catch (error) {
    throw explainLoginError(error, apiBase) ?? error;
  }
}
