// What the cross-engine checks share: running a query with notegraph, and
// turning SPARQL answers into one comparable form — terms in one canonical
// form ("x"^^xsd:string = "x", language tags lower-case, xsd:integer and
// xsd:decimal lexical forms canonical, blank nodes relabelled), rows as a
// multiset unless the query has a top-level ORDER BY. Used by compare.mjs
// (Oxigraph) and virtuoso-compare.mjs (Virtuoso).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// notegraph predeclares these; other engines get them as a prologue.
export const PROLOGUE = `PREFIX ng: <https://w3id.org/notegraph/ns#>
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

// The oxigraph npm package from node_modules next to this file, or null.
export function loadOxigraph(here) {
  try {
    return createRequire(join(here, 'package.json'))('oxigraph');
  } catch (e) {
    return null;
  }
}

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
export function canonical(kind, value, language, datatype) {
  if (kind === 'literal' && datatype) value = canonicalNumber(value, datatype);
  const text = JSON.stringify(value);  // escapes quotes, backslashes and controls the same way on both sides
  if (kind === 'iri') return `<${value}>`;
  if (kind === 'bnode') return `_:${value}`;
  if (language) return `${text}@${language.toLowerCase()}`;
  if (datatype && datatype !== XSD_STRING && datatype !== RDF_LANG_STRING) return `${text}^^<${datatype}>`;
  return text;
}

// An RDF/JS term (Oxigraph's) in canonical form.
export function fromRdfJsTerm(t) {
  if (!t) return null;
  const kind = { NamedNode: 'iri', BlankNode: 'bnode', Literal: 'literal' }[t.termType];
  return canonical(kind, t.value, t.language, t.datatype?.value);
}

// A binding of the W3C SPARQL 1.1 JSON results format in canonical form.
export function fromJsonBinding(b) {
  if (!b) return null;
  const kind = { uri: 'iri', bnode: 'bnode', literal: 'literal', 'typed-literal': 'literal' }[b.type];
  return canonical(kind, b.value, b['xml:lang'], b.datatype);
}

// A whole SPARQL JSON results document as { boolean } or { variables, rows }.
export function fromJsonResults(json) {
  if ('boolean' in json) return { boolean: json.boolean };
  const variables = json.head.vars;
  return { variables, rows: json.results.bindings.map((b) => variables.map((v) => fromJsonBinding(b[v]))) };
}

// Blank node labels become _:b0, _:b1… in order of first use, after rows are
// ordered with blank nodes masked, so two answers equal up to renaming compare equal.
export function relabel(rows, ordered) {
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

const withoutComments = (text) => text.replace(/#[^\n]*/g, '');

// The query's own text ends with a top-level ORDER BY (after its last '}').
export function hasTopLevelOrderBy(text) {
  const tail = withoutComments(text).slice(text.lastIndexOf('}') + 1);
  return /\bORDER\s+BY\b/i.test(tail);
}

// The query uses GRAPH, so it runs on the N-Quads (named graphs).
export const usesGraph = (text) => /\bGRAPH\b/.test(withoutComments(text));

// The query is a CONSTRUCT or DESCRIBE: its answer is a graph.
export const isGraphForm = (text) => /^\s*(CONSTRUCT|DESCRIBE)\b/im.test(withoutComments(text));

// N-Triples text (parsed by Oxigraph) as rows of three canonical terms.
export function parseNTriples(oxigraph, text) {
  const store = new oxigraph.Store();
  store.load(text, { format: 'application/n-triples' });
  return store.match().map((q) => [q.subject, q.predicate, q.object].map(fromRdfJsTerm));
}

// notegraph's answer to the query in queryFile over graphFile.
export function runNotegraph(notegraph, oxigraph, graphFile, queryFile) {
  const graphForm = isGraphForm(readFileSync(queryFile, 'utf8'));
  const run = spawnSync(notegraph, ['query', '-g', graphFile, '-f', queryFile, '--results', graphForm ? 'nt' : 'json'],
    { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) return { error: `exit ${run.status}: ${run.stderr.trim()}` };
  if (graphForm) return { triples: parseNTriples(oxigraph, run.stdout) };
  return fromJsonResults(JSON.parse(run.stdout));
}

// null when the answers are equal, else a description of the difference.
export function compare(ours, theirs, ordered, peer) {
  if (ours.error || theirs.error) return `notegraph: ${ours.error ?? 'ok'}; ${peer}: ${theirs.error ?? 'ok'}`;
  if ('boolean' in theirs) return ours.boolean === theirs.boolean ? null : `ASK: notegraph ${ours.boolean}, ${peer} ${theirs.boolean}`;
  if (theirs.triples) {
    const a = relabel(ours.triples ?? [], false), b = relabel(theirs.triples, false);
    return JSON.stringify(a) === JSON.stringify(b) ? null : diff(a, b, peer);
  }
  if (JSON.stringify(ours.variables) !== JSON.stringify(theirs.variables))
    return `variables: notegraph ${ours.variables}, ${peer} ${theirs.variables}`;
  const a = relabel(ours.rows, ordered), b = relabel(theirs.rows, ordered);
  return JSON.stringify(a) === JSON.stringify(b) ? null : diff(a, b, peer);
}

function diff(ours, theirs, peer) {
  const show = (rows) => rows.map((r) => '    ' + r.map((c) => c ?? 'UNBOUND').join('  ')).slice(0, 8).join('\n');
  const a = new Set(ours.map((r) => JSON.stringify(r))), b = new Set(theirs.map((r) => JSON.stringify(r)));
  const onlyOurs = ours.filter((r) => !b.has(JSON.stringify(r))), onlyTheirs = theirs.filter((r) => !a.has(JSON.stringify(r)));
  return `${ours.length} rows from notegraph, ${theirs.length} from ${peer}` +
    (onlyOurs.length ? `\n  only in notegraph (${onlyOurs.length}):\n${show(onlyOurs)}` : '') +
    (onlyTheirs.length ? `\n  only in ${peer} (${onlyTheirs.length}):\n${show(onlyTheirs)}` : '') +
    (!onlyOurs.length && !onlyTheirs.length ? '\n  same rows, different order or multiplicity' : '');
}
