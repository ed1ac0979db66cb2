/**
 * The first steps every `sim` command shares: parse FILE and the common flags, read the file,
 * load the document. A failure is printed here, with the exit status the docs promise: 1 for bad
 * flags or an unreadable file, 2 for a document that breaks the contract (too large included).
 * Every warning of the loader is printed on standard error; `--strict` makes them refusals.
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { loadScenario, MAX_DOCUMENT_BYTES } from '../model/load.ts';
import type { Scenario } from '../model/types.ts';
import { parseSimArgs, type SimArgs } from './args.ts';

/** Where a command writes and reads; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The file as text; throws `TooLargeError` once more than `maxBytes` have been read. */
  readFile(path: string, maxBytes: number): string;
  /** Write a whole file (`sim --traces`); absent: to disk. */
  writeFile?(path: string, text: string): void;
}

export class TooLargeError extends Error {}

const CHUNK_BYTES = 1 << 16;

/**
 * Reads at most `maxBytes + 1` bytes, so an endless file (`/dev/zero`, a pipe) stops at the cap.
 * Decoded like the browser's `File.text()`: UTF-8, a leading byte-order mark dropped.
 */
export function readFileCapped(path: string, maxBytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const n = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) {
        throw new TooLargeError(`is larger than ${maxBytes} bytes: not read further`);
      }
      chunks.push(chunk.subarray(0, n));
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks, total));
  } finally {
    closeSync(fd);
  }
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  readFile: readFileCapped,
  writeFile: (path, text) => writeFileSync(path, text),
};

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The parsed flags and the loaded document, or the exit status after printing why not. */
export function loadFromArgs(
  argv: readonly string[],
  io: Io,
  usage: string,
): { args: SimArgs; scenario: Scenario } | number {
  const parsed = parseSimArgs(argv);
  if (!parsed.ok) {
    io.err(`sim: ${parsed.error}\n${usage}`);
    return 1;
  }
  const args = parsed.args;
  const scenario = loadDocumentFile(args.file, io, args.strict);
  return typeof scenario === 'number' ? scenario : { args, scenario };
}

/** Reads and loads one document, its warnings printed; the exit status when it cannot. */
export function loadDocumentFile(file: string, io: Io, strict = false): Scenario | number {
  let text: string;
  try {
    text = io.readFile(file, MAX_DOCUMENT_BYTES);
  } catch (e) {
    if (e instanceof TooLargeError) {
      io.err(`sim: ${file}: ${e.message}`);
      return 2;
    }
    io.err(`sim: cannot read ${file}: ${messageOf(e)}`);
    return 1;
  }
  const loaded = loadScenario(text);
  if (!loaded.ok) {
    io.err(`sim: ${file}: ${loaded.error}`);
    return 2;
  }
  const label = strict ? 'error (--strict)' : 'warning';
  for (const w of loaded.warnings) io.err(`sim: ${file}: ${label}: ${w}`);
  if (strict && loaded.warnings.length > 0) return 2;
  return loaded.scenario;
}
