/**
 * The first steps every `sim` command shares: parse FILE and the common flags, read the file,
 * load the document. A failure is printed here, with the exit status the docs promise: 1 for bad
 * flags or an unreadable file, 2 for a document that breaks the contract.
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../model/load.ts';
import type { Scenario } from '../model/types.ts';
import { parseSimArgs, type SimArgs } from './args.ts';

/** Where a command writes and reads; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  readFile: (p) => readFileSync(p, 'utf8'),
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
  let text: string;
  try {
    text = io.readFile(args.file);
  } catch (e) {
    io.err(`sim: cannot read ${args.file}: ${messageOf(e)}`);
    return 1;
  }
  const loaded = loadScenario(text);
  if (!loaded.ok) {
    io.err(`sim: ${args.file}: ${loaded.error}`);
    return 2;
  }
  return { args, scenario: loaded.scenario };
}
