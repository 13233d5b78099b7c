/** Entry point of `npm run deploy`; kept apart so importing src/deploy.ts never loads .env. */
import 'dotenv/config';
import { runDeploy } from './deploy.js';

process.exitCode = await runDeploy(process.env);
