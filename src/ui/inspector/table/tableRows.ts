/**
 * A table param's value as rows and back (see TableShape): a list is its rows; a record's
 * entries become rows `{key column: entry key, value column: entry value}`. Pure, so the
 * inspector's table and its tests share it.
 */
import type { ParamDescriptor, TableShape } from '../../../model/kinds/describe.ts';
import { getAt, setAt } from '../../../store/docOps.ts';

export type Row = Record<string, unknown>;

const isObject = (v: unknown): v is Row => v !== null && typeof v === 'object';

export function toRows(table: TableShape, value: unknown): Row[] {
  if (table.rows === 'list') return Array.isArray(value) ? value.filter(isObject) : [];
  const [key, cell] = table.columns;
  if (!isObject(value) || !key || !cell) return [];
  return Object.entries(value).map(([k, v]) => ({ [key.key]: k, [cell.key]: v }));
}

/** The param's value for these rows; no rows = the param left out (every table is optional). */
export function fromRows(table: TableShape, rows: readonly Row[]): unknown {
  if (rows.length === 0) return undefined;
  if (table.rows === 'list') return rows;
  const [key, cell] = table.columns;
  return Object.fromEntries(rows.map((r) => [String(r[key?.key ?? '']), r[cell?.key ?? '']]));
}

/**
 * Row `i` with `column` set to `v`. Clearing a field inside an object (a class's own key count)
 * removes the object: its other fields mean nothing without it.
 */
export function withCell(rows: readonly Row[], i: number, column: string, v: unknown): Row[] {
  const parent = column.includes('.') ? column.slice(0, column.lastIndexOf('.')) : null;
  return rows.map((r, j) => {
    if (j !== i) return r;
    return v === undefined && parent !== null ? setAt(r, parent, undefined) : setAt(r, column, v);
  });
}

/** Why a record's rows cannot become a map: two rows with one key. */
export function duplicateKey(table: TableShape, rows: readonly Row[]): string | null {
  if (table.rows !== 'record') return null;
  const key = table.columns[0]?.key ?? '';
  const seen = new Set<string>();
  for (const r of rows) {
    const k = String(r[key]);
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return null;
}

/**
 * A new row: the shape's blank, its class-name column given the first of `names` no row uses
 * yet (else a fresh `classN`), a 'backends' column every node in `called`.
 */
export function newRow(
  table: TableShape,
  rows: readonly Row[],
  names: readonly string[],
  called: readonly string[],
): Row {
  let row: Row = structuredClone(table.blank);
  for (const c of table.columns) {
    if (c.control === 'className') {
      const used = new Set(rows.map((r) => String(getAt(r, c.key))));
      let n = rows.length + 1;
      while (used.has(`class${n}`)) n++;
      row = setAt(row, c.key, names.find((name) => !used.has(name)) ?? `class${n}`);
    } else if (c.control === 'backends') row = setAt(row, c.key, [...called]);
  }
  return row;
}

/**
 * The row and column a model error's path points at, relative to the param: `[1].share` (a
 * list) or `.checkout[0]` (a record's value), for a message that names the field.
 */
export function cellOfPath(
  table: TableShape,
  rows: readonly Row[],
  relPath: string,
): { row: number; column: ParamDescriptor | undefined } | null {
  if (table.rows === 'list') {
    const m = /^\[(\d+)\]\.?(.*)$/.exec(relPath);
    if (!m) return null;
    const rest = m[2] ?? '';
    const column = table.columns.find((c) => rest === c.key || rest.startsWith(`${c.key}.`));
    return { row: Number(m[1]), column };
  }
  const m = /^(?:\.([A-Za-z0-9_-]+)|\["([^"]+)"\])/.exec(relPath);
  const name = m?.[1] ?? m?.[2];
  const keyCol = table.columns[0]?.key ?? '';
  const row = rows.findIndex((r) => r[keyCol] === name);
  return row < 0 ? null : { row, column: table.columns[1] };
}
