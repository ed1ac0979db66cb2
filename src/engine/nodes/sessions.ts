/**
 * Client sessions at a replication group (`sessions` on its primary): a request's session is its
 * client's source number (`sources`), so a session is a connection the client keeps. The group
 * remembers, per session and key, the newest version (commit time) the session has read; a read
 * that returns an older one went back in time: a monotonic-read violation. `sticky` pins each
 * session to one copy of the group, whose versions of a key only ever grow (a copy applies a
 * write only if it is newer), so a sticky session never sees one.
 */
import type { ScenarioNode } from '../../model/types.ts';

/** Above this many (session, key) pairs the table would be too large to hold. */
const MAX_PAIRS = 1 << 24;

export class GroupSessions {
  /** Per (session, key): the newest version read so far (-1: none). */
  private readonly seen: Float64Array;

  constructor(
    readonly mode: 'watched' | 'sticky',
    /** Sessions: the most sources any client has. */
    readonly count: number,
    private readonly keySpace: number,
    nodeId: string,
  ) {
    if (count * keySpace > MAX_PAIRS) {
      throw new Error(
        `database "${nodeId}": sessions "${mode}" remembers every (session, key) pair, and ` +
          `${count} client sources × ${keySpace} keys is over ${MAX_PAIRS}: use fewer sources or keys`,
      );
    }
    this.seen = new Float64Array(count * keySpace).fill(-1);
  }

  /** Session `source` read `key` at `version`: false if it had read a newer one before. */
  monotonic(source: number, key: number, version: number): boolean {
    const i = (source % this.count) * this.keySpace + key;
    if (version < this.seen[i]!) return false;
    this.seen[i] = version;
    return true;
  }

  /** Of a group of `copies` copies, the one session `source` reads from (0: the primary). */
  copyOf(source: number, copies: number): number {
    return source % copies;
  }
}

/** The most sources any client of the document has: the sessions a group tells apart. */
export function sessionCount(nodes: readonly ScenarioNode[]): number {
  let n = 1;
  for (const node of nodes) if (node.type === 'client') n = Math.max(n, node.params.sources);
  return n;
}
