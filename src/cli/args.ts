/**
 * Command-line arguments of `sim`: FILE [--json] [--strict] [--check] [--seed N] [--duration S]
 * [--traces OUT]. Kept apart from the
 * runner so later flags (--sweep, --replications) are one more case here.
 */
export interface SimArgs {
  file: string;
  json: boolean;
  /** Warnings (unknown fields, odd values) refuse the document instead of being printed. */
  strict: boolean;
  /** Design CI: exit 3 when an objective of the document is missed. */
  check: boolean;
  seed?: number;
  durationS?: number;
  /** Write the run's request traces to this file as OTLP JSON (src/engine/tracing/otlp.ts). */
  traces?: string;
}

export type ParsedArgs = { ok: true; args: SimArgs } | { ok: false; error: string };

export const USAGE =
  'usage: npm run --silent sim -- FILE [--json] [--strict] [--check] [--seed N] [--duration S] [--traces OUT.json]';

export function parseSimArgs(argv: readonly string[]): ParsedArgs {
  let file: string | undefined;
  let json = false;
  let strict = false;
  let check = false;
  let seed: number | undefined;
  let durationS: number | undefined;
  let traces: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => argv[++i];
    if (a === '--json') json = true;
    else if (a === '--strict') strict = true;
    else if (a === '--check') check = true;
    else if (a === '--seed') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
        return { ok: false, error: '--seed: must be an integer from 0 to 4294967295' };
      }
      seed = v;
    } else if (a === '--duration') {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0)
        return { ok: false, error: '--duration: must be a positive number of seconds' };
      durationS = v;
    } else if (a === '--traces') {
      traces = value();
      if (traces === undefined || traces.startsWith('--'))
        return { ok: false, error: `--traces: needs a file to write, got ${traces ?? 'nothing'}` };
    } else if (a.startsWith('--')) return { ok: false, error: `unknown option ${a}` };
    else if (file === undefined) file = a;
    else return { ok: false, error: `unexpected argument ${a}` };
  }
  if (file === undefined) return { ok: false, error: 'missing FILE' };
  const args: SimArgs = { file, json, strict, check };
  if (seed !== undefined) args.seed = seed;
  if (durationS !== undefined) args.durationS = durationS;
  if (traces !== undefined) args.traces = traces;
  return { ok: true, args };
}
