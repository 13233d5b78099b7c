import { runCli } from '../../src/cli/run.js';

/** Runs a cli command in process, recording what it printed. */
export async function runRecorded(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out: out.join('\n'), err };
}
