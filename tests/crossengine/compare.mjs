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
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const queriesDir = args.queries ?? join(here, 'queries');

let oxigraph;
try {
  oxigraph = createRequire(join(here, 'package.json'))('oxigraph');
} catch (e) {
  console.log(`SKIP: the oxigraph npm package is not installed in ${here}/node_modules (scripts/deps.sh ng_install_query_peers)`);
  process.exit(77);
}

// notegraph predeclares these; Oxigraph gets them as a prologue.
const PROLOGUE = `PREFIX ng: <https://w3id.org/notegraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX : <https://w3id.org/notegraph/notes/>
`;
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const XSD_STRING = XSD + 'string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

// XSD 1.1 canonical lexical form of an xsd:integer or xsd:decimal ("+01.50" ->
// "1.5", "1.0" -> "1"): the same value is the same term; precision is not rounded.
function canonicalNumber(value, datatype) {
  const m = /^([+-]?)0*(\d*)(?:\.(\d*?)0*)?$/.exec(value.trim());
  if (!m || (datatype !== XSD + 'integer' && datatype !== XSD + 'decimal')) return value;
  const whole = m[2] || '0', fraction = m[3] ?? '';
  const sign = m[1] === '-' && (whole !== '0' || fraction !== '') ? '-' : '';
  return sign + whole + (fraction ? '.' + fraction : '');
}

// One canonical N-Triples-like text per term, from (kind, value, language, datatype).
function canonical(kind, value, language, datatype) {
  if (kind === 'literal' && datatype) value = canonicalNumber(value, datatype);
  const text = JSON.stringify(value);  // escapes quotes, backslashes and controls the same way on both sides
  if (kind === 'iri') return `<${value}>`;
  if (kind === 'bnode') return `_:${value}`;
  if (language) return `${text}@${language.toLowerCase()}`;
  if (datatype && datatype !== XSD_STRING && datatype !== RDF_LANG_STRING) return `${text}^^<${datatype}>`;
  return text;
}

function fromOxigraphTerm(t) {
  if (!t) return null;
  const kind = { NamedNode: 'iri', BlankNode: 'bnode', Literal: 'literal' }[t.termType];
  return canonical(kind, t.value, t.language, t.datatype?.value);
}

function fromJsonBinding(b) {
  if (!b) return null;
  const kind = { uri: 'iri', bnode: 'bnode', literal: 'literal', 'typed-literal': 'literal' }[b.type];
  return canonical(kind, b.value, b['xml:lang'], b.datatype);
}

// Blank node labels become _:b0, _:b1… in order of first use, after rows are
// ordered with blank nodes masked, so two answers equal up to renaming compare equal.
function relabel(rows, ordered) {
  const mask = (row) => JSON.stringify(row.map((c) => (c && c.startsWith('_:') ? '_:' : c)));
  const sorted = ordered ? rows : [...rows].sort((a, b) => (mask(a) < mask(b) ? -1 : mask(a) > mask(b) ? 1 : 0));
  const names = new Map();
  const out = sorted.map((row) =>
    row.map((c) => {
      if (!c || !c.startsWith('_:')) return c;
      if (!names.has(c)) names.set(c, `_:b${names.size}`);
      return names.get(c);
    }));
  return ordered ? out : out.sort();
}

// The query's own text ends with a top-level ORDER BY (after its last '}').
function hasTopLevelOrderBy(text) {
  const tail = text.replace(/#[^\n]*/g, '').slice(text.lastIndexOf('}') + 1);
  return /\bORDER\s+BY\b/i.test(tail);
}

function answerOf(result, variables) {
  if (typeof result === 'boolean') return { boolean: result };
  if (result.length && 'subject' in result[0] && !(result instanceof Map)) {
    const triples = result.map((q) => [q.subject, q.predicate, q.object].map(fromOxigraphTerm));
    return { triples };
  }
  return { variables, rows: result.map((m) => variables.map((v) => fromOxigraphTerm(m.get(v)))) };
}

function parseNTriples(text) {
  const store = new oxigraph.Store();
  store.load(text, { format: 'application/n-triples' });
  return store.match().map((q) => [q.subject, q.predicate, q.object].map(fromOxigraphTerm));
}

function runNotegraph(graphFile, queryFile) {
  const isGraphForm = /^\s*(CONSTRUCT|DESCRIBE)\b/im.test(readFileSync(queryFile, 'utf8').replace(/#[^\n]*/g, ''));
  const run = spawnSync(args.notegraph, ['query', '-g', graphFile, '-f', queryFile, '--results', isGraphForm ? 'nt' : 'json'],
    { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) return { error: `exit ${run.status}: ${run.stderr.trim()}` };
  if (isGraphForm) return { triples: parseNTriples(run.stdout) };
  const json = JSON.parse(run.stdout);
  if ('boolean' in json) return { boolean: json.boolean };
  const variables = json.head.vars;
  return { variables, rows: json.results.bindings.map((b) => variables.map((v) => fromJsonBinding(b[v]))) };
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

function compare(ours, theirs, ordered) {
  if (ours.error || theirs.error) return `notegraph: ${ours.error ?? 'ok'}; oxigraph: ${theirs.error ?? 'ok'}`;
  if ('boolean' in theirs) return ours.boolean === theirs.boolean ? null : `ASK: notegraph ${ours.boolean}, oxigraph ${theirs.boolean}`;
  if (theirs.triples) {
    const a = relabel(ours.triples ?? [], false), b = relabel(theirs.triples, false);
    return JSON.stringify(a) === JSON.stringify(b) ? null : diff(a, b);
  }
  if (JSON.stringify(ours.variables) !== JSON.stringify(theirs.variables))
    return `variables: notegraph ${ours.variables}, oxigraph ${theirs.variables}`;
  const a = relabel(ours.rows, ordered), b = relabel(theirs.rows, ordered);
  return JSON.stringify(a) === JSON.stringify(b) ? null : diff(a, b);
}

function diff(ours, theirs) {
  const show = (rows) => rows.map((r) => '    ' + r.map((c) => c ?? 'UNBOUND').join('  ')).slice(0, 8).join('\n');
  const a = new Set(ours.map((r) => JSON.stringify(r))), b = new Set(theirs.map((r) => JSON.stringify(r)));
  const onlyOurs = ours.filter((r) => !b.has(JSON.stringify(r))), onlyTheirs = theirs.filter((r) => !a.has(JSON.stringify(r)));
  return `${ours.length} rows from notegraph, ${theirs.length} from oxigraph` +
    (onlyOurs.length ? `\n  only in notegraph (${onlyOurs.length}):\n${show(onlyOurs)}` : '') +
    (onlyTheirs.length ? `\n  only in oxigraph (${onlyTheirs.length}):\n${show(onlyTheirs)}` : '') +
    (!onlyOurs.length && !onlyTheirs.length ? '\n  same rows, different order or multiplicity' : '');
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
  const quads = /\bGRAPH\b/.test(text.replace(/#[^\n]*/g, ''));
  const graph = quads ? args.nq : args.nt;
  const store = storeFor(graph, quads ? 'application/n-quads' : 'application/n-triples');
  const ours = runNotegraph(graph, path);
  const theirs = runOxigraph(store, text);
  const problem = compare(ours, theirs, hasTopLevelOrderBy(text));
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
