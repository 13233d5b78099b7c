// One polling tick in a process of its own, for tests that kill it with SIGKILL part-way. It runs
// the bot as built (the suite's global set-up compiles it), so a spawn pays no TypeScript start-up:
// `node test/support/tick-child.mjs DB_PATH DISCORD_API_BASE NOW_ISO TOKEN`.
import { REST } from 'discord.js';
import { openApp } from '../../dist/src/app/app.js';
import { DATA_DIR } from '../../dist/src/config.js';
import { discordSender } from '../../dist/src/discord/sender.js';
import { createLogger } from '../../dist/src/log.js';
import { runTick } from '../../dist/src/scheduler/tick.js';
import { createFetcher } from '../../dist/src/sources/fetch.js';

const [dbPath, apiBase, now, token] = process.argv.slice(2);
// Feeds in these tests are served on 127.0.0.1.
const fetcher = createFetcher({
  allowPrivate: true,
  userAgent: 'claimwatch-test/0.1 (+https://example.org/claimwatch)',
});
const app = openApp(dbPath, DATA_DIR, { fetcher });
const rest = new REST({ api: apiBase, retries: 0 }).setToken(token);
const report = await runTick({ newsroom: app, sender: discordSender(rest), log: createLogger('warn') }, new Date(now));
app.store.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
