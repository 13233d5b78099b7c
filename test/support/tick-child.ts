// One polling tick in a process of its own, for tests that kill it with SIGKILL part-way:
// `node --import tsx test/support/tick-child.ts DB_PATH DISCORD_API_BASE NOW_ISO`.
import { REST } from 'discord.js';
import { openApp } from '../../src/app/app.js';
import { DATA_DIR } from '../../src/config.js';
import { discordSender } from '../../src/discord/sender.js';
import { createLogger } from '../../src/log.js';
import { runTick } from '../../src/scheduler/tick.js';
import { FAKE_TOKEN } from './fake-discord-client.js';
import { loopbackFetcher } from './feed-server.js';

const [dbPath, apiBase, now] = process.argv.slice(2) as [string, string, string];
const app = openApp(dbPath, DATA_DIR, { fetcher: loopbackFetcher() });
const rest = new REST({ api: apiBase, retries: 0 }).setToken(FAKE_TOKEN);
const report = await runTick({ newsroom: app, sender: discordSender(rest), log: createLogger('warn') }, new Date(now));
app.store.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
