/**
 * The document's request classes, numbered: every class a client names, in the order they first
 * appear, so a call carries its class as a small integer (`Call.cls`) and a balancer's route or
 * a service's time per class is an array lookup. A class named by two clients is one class (the
 * first client's priority counts). When some clients have classes and others not, the others'
 * requests are the class `default` (priority 0). Without classes anywhere the table is empty and
 * nothing per class is kept.
 */
import { DEFAULT_CLASS } from '../../model/kinds/classes.ts';
import type { Scenario } from '../../model/types.ts';

export class ClassTable {
  readonly names: string[] = [];
  /** Per class index: its priority, 0 served first and shed last. */
  priority = new Uint8Array(0);

  get count(): number {
    return this.names.length;
  }

  /** The index of `name`, or -1. */
  indexOf(name: string): number {
    return this.names.indexOf(name);
  }

  /** The index of `name`, added with `priority` if new. */
  add(name: string, priority: number): number {
    const i = this.names.indexOf(name);
    if (i >= 0) return i;
    this.names.push(name);
    const grown = new Uint8Array(this.names.length);
    grown.set(this.priority);
    grown[this.names.length - 1] = priority;
    this.priority = grown;
    return this.names.length - 1;
  }
}

export function classTable(doc: Pick<Scenario, 'nodes'>): ClassTable {
  const table = new ClassTable();
  let unclassed = false;
  for (const n of doc.nodes) {
    if (n.type !== 'client') continue;
    const classes = n.params.classes;
    if (classes === undefined) unclassed = true;
    else for (const c of classes) table.add(c.name, c.priority);
  }
  if (unclassed && table.count > 0) table.add(DEFAULT_CLASS, 0);
  return table;
}
