// Logs a real discord.js Client in to a FakeDiscord and waits until it is ready (guilds cached).
import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import type { FakeDiscord } from './fake-discord.js';

export const FAKE_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.fake.token-for-tests';

/**
 * `new Client({ intents: [Guilds], rest: { api: fake.restBase } })` + login + `clientReady`.
 * Always `await client.destroy()` before `fake.close()`.
 */
export async function loginTestClient(
  fake: FakeDiscord,
  options: Partial<ClientOptions> = {},
  token = FAKE_TOKEN,
  timeoutMs = 5000,
): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...options,
    rest: { ...options.rest, api: fake.restBase },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const ready = new Promise<void>((resolve, reject) => {
      client.once(Events.ClientReady, () => resolve());
      timer = setTimeout(() => reject(new Error(`discord.js client not ready within ${timeoutMs}ms`)), timeoutMs);
    });
    ready.catch(() => {}); // awaited below; avoid an unhandled rejection while login is pending
    await client.login(token);
    await ready;
    return client as Client<true>;
  } catch (error) {
    await client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
