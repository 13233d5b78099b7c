// Vitest's global set-up: compile the bot once, as `npm start` does, so the tests that run the
// real process spawn `node dist/...` instead of paying tsx's start-up in every spawn.
import { execFileSync } from 'node:child_process';

export default function buildOnce(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
