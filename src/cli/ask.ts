import { parseArgs } from 'node:util';
import { answerLine } from '../console/ask.js';
import type { CliIO } from '../console/io.js';
import { UserError } from '../errors.js';
import { createLogger } from '../log.js';
import { renderPayload, renderText } from '../render/render.js';
import { openCliApp } from './store-options.js';

/** `cli ask [--json] [--db PATH] "/COMMAND OPTIONS"`: one slash command, answered from the store. */
export async function runAsk(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, db: { type: 'string' } },
  });
  const line = positionals.join(' ').trim();
  if (!line) throw new UserError('usage: cli ask [--json] [--db PATH] "/COMMAND OPTIONS"');
  const now = new Date();
  const app = await openCliApp(values.db, now);
  try {
    const answer = await answerLine(app, line, now, createLogger('warn', io.error));
    if (values.json) {
      const { content, embeds } = renderPayload(answer);
      io.out(JSON.stringify({ content: content ?? '', embeds, ...(answer.ephemeral ? { flags: 64 } : {}) }, null, 2));
    } else {
      io.out(renderText(answer));
      if (answer.image)
        io.out(
          `Chart: ${answer.image.name} is attached in Discord; \`cli chart TOPIC --out FILE.png\` writes it to a file.`,
        );
      if (answer.file) io.out(`File: ${answer.file.name} is attached in Discord; the console saves it.`);
    }
    return 0;
  } finally {
    await app.close();
  }
}
