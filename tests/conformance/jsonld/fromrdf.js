// Runs the W3C JSON-LD fromRdf tests that apply to notegraph's JSON-LD writer:
// for each test, WRITER turns the test's -in.nq into expanded JSON-LD (our
// N-Quads reader + our writer), jsonld.js turns that back into RDF, and both
// graphs must be isomorphic (rdf-canonize RDFC-1.0). The expected -out.jsonld
// files are not compared: they show jsonld.js's own fromRdf choices (@list,
// native types…), not the only correct JSON-LD of the graph.
// Usage: node fromrdf.js WRITER SUITE_DIR PEERS_DIR
// Exit: 0 all run tests passed, 1 a failure, 77 the peers are not installed.
'use strict';
const fs = require('fs');
const path = require('path');
const {execFileSync} = require('child_process');

// Every test we do not run, with its reason, in one place.
const NAMED_GRAPHS = 'named graphs: the JSON-LD writer writes the default graph only (no @graph per named graph)';
const NATIVE_TYPES = 'useNativeTypes: we never write native JSON numbers or booleans, always @value with @type';
const RDF_DIRECTION = 'rdfDirection: we do not write @direction (i18n-datatype / compound-literal)';
const JSON_LITERALS = 'rdf:JSON literals: we do not write @json values';
const SKIPPED = {
  '#t0005': NAMED_GRAPHS,
  '#t0006': NAMED_GRAPHS,
  '#t0007': NAMED_GRAPHS,
  '#t0018': NATIVE_TYPES,
  '#t0019': 'useRdfType: we always write rdf:type as @type',
  '#t0020': NAMED_GRAPHS,
  '#t0021': NAMED_GRAPHS,
  '#t0022': NAMED_GRAPHS,
  '#t0027': NATIVE_TYPES,
  '#t0028': NATIVE_TYPES,
  '#tdi05': RDF_DIRECTION,
  '#tdi06': RDF_DIRECTION,
  '#tdi07': RDF_DIRECTION,
  '#tdi08': RDF_DIRECTION,
  '#tdi09': RDF_DIRECTION,
  '#tdi10': RDF_DIRECTION,
  '#tdi11': RDF_DIRECTION,
  '#tdi12': RDF_DIRECTION,
  '#tjs01': JSON_LITERALS,
  '#tjs02': JSON_LITERALS,
  '#tjs03': JSON_LITERALS,
  '#tjs04': JSON_LITERALS,
  '#tjs05': JSON_LITERALS,
  '#tjs06': JSON_LITERALS,
  '#tjs07': JSON_LITERALS,
  '#tjs08': JSON_LITERALS + ' (negative test: invalid JSON literal)',
  '#tjs09': JSON_LITERALS + ' (negative test: invalid JSON literal)',
  '#tjs10': JSON_LITERALS,
  '#tjs11': JSON_LITERALS,
};

const [writer, suite, peers] = process.argv.slice(2).map((p) => p && path.resolve(p));
if (!writer || !suite || !peers) {
  console.error('usage: node fromrdf.js WRITER SUITE_DIR PEERS_DIR');
  process.exit(2);
}
let jsonld, canonize;
try {
  jsonld = require(path.join(peers, 'node_modules', 'jsonld'));
  canonize = require(path.join(peers, 'node_modules', 'rdf-canonize'));
} catch (e) {
  console.log(`skipped: jsonld.js / rdf-canonize not installed in ${peers}/node_modules ` +
              '(scripts/deps.sh ng_install_peers)');
  process.exit(77);
}
const noNetwork = async (url) => { throw new Error('no network: ' + url); };

async function canonical(nquads) {
  return canonize.canonize(canonize.NQuads.parse(nquads), {algorithm: 'RDFC-1.0'});
}

(async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(suite, 'fromRdf-manifest.jsonld'), 'utf8'));
  let passed = 0, failed = 0;
  const skipped = [];
  for (const test of manifest.sequence) {
    const id = test['@id'];
    if (SKIPPED[id]) {
      skipped.push(`${id} ${test.name}: ${SKIPPED[id]}`);
      continue;
    }
    const input = path.join(suite, test.input);
    try {
      if (!test['@type'].includes('jld:PositiveEvaluationTest')) throw new Error('not a positive test: add it to SKIPPED');
      const ours = execFileSync(writer, [input], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
      const doc = JSON.parse(ours);
      const back = await jsonld.toRDF(doc, {format: 'application/n-quads', documentLoader: noNetwork, safe: true});
      const expected = await canonical(fs.readFileSync(input, 'utf8'));
      const actual = await canonical(back);
      if (expected === actual) {
        ++passed;
        console.log(`PASS ${id} ${test.name}`);
      } else {
        ++failed;
        console.log(`FAIL ${id} ${test.name}: toRdf of our JSON-LD is not isomorphic to the input`);
        console.log('  input (canonical):\n    ' + expected.trim().split('\n').join('\n    '));
        console.log('  from our JSON-LD (canonical):\n    ' + actual.trim().split('\n').join('\n    '));
      }
    } catch (e) {
      ++failed;
      console.log(`FAIL ${id} ${test.name}: ${(e.stderr || e.message || String(e)).toString().trim()}`);
    }
  }
  for (const s of skipped) console.log(`SKIP ${s}`);
  console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
