/** The one line of key params under a node's label: what a reader needs at a glance. */
import type { Dist, ScenarioNode } from '../../model/types.ts';

const num = (n: number): string =>
  Math.abs(n) >= 10_000 ? `${Math.round(n / 1000)}k` : String(Math.round(n * 100) / 100);

export function distText(d: Dist): string {
  switch (d.dist) {
    case 'constant':
      return `${num(d.ms)} ms`;
    case 'uniform':
      return `${num(d.minMs)}–${num(d.maxMs)} ms`;
    case 'exponential':
    case 'lognormal':
    case 'erlang':
      return `~${num(d.meanMs)} ms`;
  }
}

export function nodeSummary(node: ScenarioNode): string {
  switch (node.type) {
    case 'client': {
      const a = node.params.arrival;
      return a.process === 'closed'
        ? `${num(a.users)} users, think ${distText(a.thinkMs)}`
        : `${num(a.rps)} rps ${a.process}`;
    }
    case 'service': {
      const p = node.params;
      const w = p.workers === 1 ? 'worker' : 'workers';
      return `${p.replicas} × ${p.workers} ${w} · ${distText(p.serviceTimeMs)}`;
    }
    case 'loadBalancer':
      return node.params.strategy;
    case 'cache':
      return `${num(node.params.capacity)} entries · ${node.params.eviction}`;
    case 'database':
      return `${node.params.connections} conns · read ${distText(node.params.readTimeMs)}`;
    case 'shardRouter':
      return `${node.params.strategy} sharding`;
    case 'queue': {
      const cap =
        node.params.capacity === undefined ? 'unbounded' : `cap ${num(node.params.capacity)}`;
      return `${node.params.delivery} · ${cap}`;
    }
    case 'rateLimiter':
      return `${num(node.params.rps)} rps, burst ${num(node.params.burst)}`;
  }
}
