import type { IncomingMessage } from 'node:http';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { UserError } from '../errors.js';

/** Why one fetch failed, worded for a moderator; thrown inside the fetcher, returned as `failed`. */
export class FetchFailure extends UserError {}

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** `5 MB`, `64 KB`, `300 bytes` (binary units, as the caps are set in them). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

// Server text goes into a moderator's Discord message, so only a plain token is ever echoed.
function safeToken(value: string): string {
  return /^[\w.-]{1,32}$/.test(value) ? value : 'unknown';
}

// Content-Encoding lists codings in the order applied, so they are undone last first.
function decodersFor(header: string | undefined): Transform[] {
  const codings = (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  return codings.reverse().map((coding) => {
    const make = DECODERS[coding];
    if (!make) throw new FetchFailure(`uses an unsupported content encoding (${safeToken(coding)})`);
    return make();
  });
}

/** Passes chunks through until more than `maxBytes` have gone by, then fails the whole pipeline. */
function byteCap(maxBytes: number, reason: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > maxBytes ? new FetchFailure(reason) : null, chunk);
    },
  });
}

function isDecompressionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return code.startsWith('Z_') || code.startsWith('ERR__ERROR'); // zlib's and brotli's codes
}

/**
 * Reads a response body, counting bytes as sent and again once decompressed, so neither a huge body
 * nor a small gzip bomb is ever held past the cap: the first chunk over it tears the streams down.
 */
export async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = `larger than ${formatSize(maxBytes)}`;
  const declared = Number(response.headers['content-length']);
  if (declared > maxBytes) throw new FetchFailure(tooLarge); // no need to read what is refused anyway
  const decoders = decodersFor(response.headers['content-encoding']);
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const stages = decoders.length === 0 ? [] : [...decoders, byteCap(maxBytes, `${tooLarge} once decompressed`)];
  try {
    await pipeline([response, byteCap(maxBytes, tooLarge), ...stages, collect]);
  } catch (error) {
    if (isDecompressionError(error)) throw new FetchFailure('sent a compressed body that could not be decompressed');
    throw error;
  }
  return Buffer.concat(chunks);
}
