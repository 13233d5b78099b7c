/** Entry point of `npm run cli`; kept apart so tests import runCli without reading a developer's .env. */
import 'dotenv/config';
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2));
