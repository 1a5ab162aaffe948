// Cross-engine check: runs every tests/crossengine/queries/*.rq with
// `notegraph query -g GRAPH --results json` (N-Triples, or N-Quads when the
// query uses GRAPH) and with Oxigraph on the same file, and compares the
// answers: terms in one canonical form ("x"^^xsd:string = "x", language tags
// lower-case, blank nodes relabelled), rows as a multiset unless the query
// has a top-level ORDER BY. Exit 0 all equal, 1 any difference, 77 skipped.
//
// usage: node compare.mjs --notegraph BIN (--data NOTES_DIR | --nt GRAPH.nt --nq GRAPH.nq)
//                          [--queries DIR] [--only NAME]
// --data exports the notes' graph with `notegraph export -f nt|nq` first.
// The normalization and comparison live in answers.mjs (shared with virtuoso-compare.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROLOGUE, compare, fromRdfJsTerm, hasTopLevelOrderBy, loadOxigraph, runNotegraph, usesGraph } from './answers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const queriesDir = args.queries ?? join(here, 'queries');

const oxigraph = loadOxigraph(here);
if (!oxigraph) {
  console.log(`SKIP: the oxigraph npm package is not installed in ${here}/node_modules (scripts/deps.sh ng_install_query_peers)`);
  process.exit(77);
}

function answerOf(result, variables) {
  if (typeof result === 'boolean') return { boolean: result };
  if (result.length && 'subject' in result[0] && !(result instanceof Map)) {
    const triples = result.map((q) => [q.subject, q.predicate, q.object].map(fromRdfJsTerm));
    return { triples };
  }
  return { variables, rows: result.map((m) => variables.map((v) => fromRdfJsTerm(m.get(v)))) };
}

function runOxigraph(store, text) {
  try {
    const result = store.query(PROLOGUE + text, { use_default_graph_as_union: true });
    // Oxigraph's Maps omit unbound variables: take the projection from the query
    // by asking for it as JSON when it is a SELECT.
    if (Array.isArray(result) && (result.length === 0 || result[0] instanceof Map)) {
      const json = JSON.parse(store.query(PROLOGUE + text, { use_default_graph_as_union: true, results_format: 'json' }));
      return answerOf(result, json.head.vars);
    }
    return answerOf(result, []);
  } catch (e) {
    return { error: String(e) };
  }
}

let scratch;
if (args.data) {
  scratch = mkdtempSync(join(tmpdir(), 'notegraph-crossengine-'));
  for (const format of ['nt', 'nq']) {
    const run = spawnSync(args.notegraph, ['export', '-f', format, '-q', args.data], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.status !== 0) {
      console.log(`notegraph export -f ${format} ${args.data} failed (exit ${run.status}): ${run.stderr}`);
      process.exit(1);
    }
    args[format] = join(scratch, `graph.${format}`);
    writeFileSync(args[format], run.stdout);
  }
}

const stores = {};
function storeFor(file, format) {
  if (!stores[file]) {
    stores[file] = new oxigraph.Store();
    stores[file].load(readFileSync(file, 'utf8'), { format });
  }
  return stores[file];
}

const files = readdirSync(queriesDir).filter((f) => f.endsWith('.rq') && (!args.only || f.includes(args.only))).sort();
let failed = 0;
for (const f of files) {
  const path = join(queriesDir, f);
  const text = readFileSync(path, 'utf8');
  const quads = usesGraph(text);
  const graph = quads ? args.nq : args.nt;
  const store = storeFor(graph, quads ? 'application/n-quads' : 'application/n-triples');
  const ours = runNotegraph(args.notegraph, oxigraph, graph, path);
  const theirs = runOxigraph(store, text);
  const problem = compare(ours, theirs, hasTopLevelOrderBy(text), 'oxigraph');
  const size = theirs.rows?.length ?? theirs.triples?.length ?? (theirs.boolean === undefined ? '?' : 'ask');
  console.log(`${problem ? 'DIFF' : 'same'}  ${f}  (${size} ${quads ? 'on N-Quads' : 'on N-Triples'})`);
  if (problem) {
    console.log('  ' + problem);
    ++failed;
  }
}
if (scratch) rmSync(scratch, { recursive: true, force: true });
console.log(`${files.length - failed} same, ${failed} different, of ${files.length} queries`);
process.exit(failed || files.length < 25 ? 1 : 0);
