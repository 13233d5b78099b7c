import { ConfigError } from '../config.js';
import { type CliIO, processIO } from '../console/io.js';
import { UserError } from '../errors.js';
import { DataError } from '../newsroom/data-files.js';
import { runAsk } from './ask.js';
import { runChart } from './chart.js';
import { runExtract } from './extract.js';
import { runIngest } from './ingest.js';
import { runReplay } from './replay.js';

const COMMANDS: Record<string, (args: string[], io: CliIO) => number | Promise<number>> = {
  extract: runExtract,
  ask: runAsk,
  ingest: runIngest,
  replay: runReplay,
  chart: runChart,
};

export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.error(`usage: cli <${Object.keys(COMMANDS).join('|')}> ...`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.error(`error: ${(error as Error).message}`);
      return 2;
    }
    if (error instanceof DataError || error instanceof ConfigError) {
      io.error(error.message);
      return 1;
    }
    throw error;
  }
}
