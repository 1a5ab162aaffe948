// Oxigraph's side of scripts/bench-query.sh: loads one N-Triples file into an
// in-memory Store, then runs each query file REPS times (once when a run takes
// over 20 s), timing it. Prints one JSON line per step: {"step": "load"|NAME,
// "seconds": S (the median), "rows": N, "runs": R}.
//
// usage: REPS=3 node bench-query-oxigraph.mjs GRAPH.nt QUERY.rq...
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const peers = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'crossengine', 'package.json');
const oxigraph = createRequire(peers)('oxigraph');
const [graph, ...queries] = process.argv.slice(2);

const PROLOGUE = `PREFIX ng: <https://w3id.org/notegraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX : <https://w3id.org/notegraph/notes/>
`;

const timed = (f) => {
  const start = process.hrtime.bigint();
  const value = f();
  return [Number(process.hrtime.bigint() - start) / 1e9, value];
};

const store = new oxigraph.Store();
const [loadSeconds] = timed(() => store.load(readFileSync(graph, 'utf8'), { format: 'application/n-triples' }));
console.log(JSON.stringify({ step: 'load', seconds: loadSeconds, rows: store.size }));
const reps = Math.max(1, Number(process.env.REPS ?? 3));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const q of queries) {
  const text = PROLOGUE + readFileSync(q, 'utf8');
  const times = [];
  let rows = 0;
  while (times.length < reps) {
    const [seconds, result] = timed(() => store.query(text));
    times.push(seconds);
    rows = Array.isArray(result) ? result.length : 1;
    if (seconds > 20) break;
  }
  console.log(JSON.stringify({ step: basename(q, '.rq'), seconds: median(times), rows, runs: times.length }));
}
