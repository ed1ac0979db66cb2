/** One line per queueing model, for learners reading the theory table. */

export function explainModel(model: string): string {
  if (model === 'Little')
    return "Little's law (L = λW): on average, requests inside a node = arrival rate × time each spends there; it holds for any stable node.";
  if (model === 'flow')
    return 'Flow: the arrival rate at each node follows from the client rates and the edge weights.';
  if (model === 'Erlang B')
    return 'Erlang B: no queue; a request that finds every server busy is refused, and the refused share is Erlang’s loss formula.';
  if (model.startsWith('Che'))
    return 'Che’s approximation: the hit ratio of an LRU cache from its size and the popularity of the keys.';
  if (/^M\/M\/\d+\/\d+/.test(model))
    return `${model}: a bounded queue; when it is full new requests are refused (blocking) instead of waiting.`;
  if (/^M\/M\/\d+/.test(model))
    return `${model}: Poisson arrivals, exponential service, c workers; waiting grows sharply as utilization nears 1 (Erlang C).`;
  if (/^E\d+\/M\/\d+/.test(model))
    return `${model}: a balancer's round robin makes arrivals at each replica more regular than Poisson (Erlang gaps), so they wait less than M/M/c would say; exact by Takács's GI/M/c.`;
  if (/^M\/D\//.test(model))
    return `${model}: constant service time; half the waiting of the exponential case at the same load.`;
  if (/^M\/G\//.test(model))
    return `${model}: general service times; the wait grows with the service time’s variance, not only its mean (Pollaczek–Khinchine).`;
  if (model === 'sync replication')
    return 'Sync replication: a write is acknowledged once every replica holds it, so no read can miss it: exactly 0 stale reads while the replication edges carry writes.';
  if (model.startsWith('quorum R'))
    return `${model}: every read set meets every write set, so each read sees the last acknowledged write: exactly 0 stale reads.`;
  if (model === 'sticky sessions')
    return 'Sticky sessions: each session reads from one copy, whose versions of a key only grow, so no session reads back in time: exactly 0 violations.';
  if (model === 'Poisson writes, serving partition')
    return 'Serving partition: a replica cut off from its primary keeps answering from what it has; with writes at rate w over K keys, a read t seconds in finds its key written since with probability 1 − e^(−w·t/K), so the stale share over the cut is that averaged over its length.';
  if (model.startsWith('served from '))
    return `Served from another region: users who reach the same server as those at home wait alike there, and pay the matrix's one-way latency there and back on top: their mean is higher by exactly that (2 × one way) and their edges' difference.`;
  if (model === 'region down, no failover')
    return 'Region down, no failover: users served only in the region that goes down fail while it is down; with Poisson arrivals the share that succeeds is the share of the time it was up.';
  if (model === 'region down, failover')
    return 'Region down, failover: a global router with health checks sends the users elsewhere once its checks take the region out; they fail only during that detection time.';
  if (model === 'region down elsewhere')
    return 'Region down elsewhere: users whose requests reach no node of the region that goes down lose nothing to it.';
  return `${model}: queueing model.`;
}
