// CPU time of every thread of the browser this node process started (Linux /proc), by process
// type and thread name: the page's main thread is one of many on a 2-core machine, and a frame
// also needs the compositor, the raster threads and the display compositor (all on the CPU here:
// the browser runs with --disable-gpu) while the simulation worker takes a core of its own.
// Used by profile.mjs: a snapshot before, one after, and the difference.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = 100; // USER_HZ on Linux

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process or thread has ended
  }
};

/** utime + stime (ticks) from a /proc stat line; the name in parentheses may hold spaces. */
function cpuTicks(stat) {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[11]) + Number(rest[12]);
}

const parentOf = (stat) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);

/** Every process descended from `root`. */
function descendants(root) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (stat !== undefined) parents.set(Number(name), parentOf(stat));
  }
  const out = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents)
      if (!out.has(pid) && out.has(parent)) {
        out.add(pid);
        grew = true;
      }
  }
  out.delete(root);
  return out;
}

/** "renderer", "gpu-process", "utility", "browser" (no --type), from a process's command line. */
function processType(pid) {
  const cmdline = read(`/proc/${pid}/cmdline`) ?? '';
  if (!cmdline.includes('chrom')) return undefined;
  return /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser';
}

/** CPU seconds by "type pid/thread name" for every chromium thread under this process. */
export function threadSnapshot() {
  const out = new Map();
  for (const pid of descendants(process.pid)) {
    const type = processType(pid);
    if (type === undefined) continue;
    let tasks;
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // the process has ended
    }
    for (const tid of tasks) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      const comm = read(`/proc/${pid}/task/${tid}/comm`)?.trim();
      if (stat === undefined || comm === undefined) continue;
      // Each worker on its own line (the simulation's and the traffic painter's share a name).
      const key = `${type} ${pid} ${comm}${/Worker/.test(comm) ? ` #${tid}` : ''}`;
      out.set(key, (out.get(key) ?? 0) + cpuTicks(stat) / TICKS_PER_S);
    }
  }
  return out;
}

/** The threads' CPU seconds between two snapshots, busiest first, the top `n`. */
export function threadTimesBetween(before, after, n) {
  return [...after]
    .map(([key, s]) => [key, s - (before.get(key) ?? 0)])
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}
