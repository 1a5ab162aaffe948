// Checks a JSON-LD document against N-Triples with the reference processor:
// jsonld.js turns the JSON-LD into RDF (no network: contexts must be inline),
// rdf-canonize (RDFC-1.0) canonicalizes both graphs, and the canonical
// N-Quads must be equal, or (with --subset) the JSON-LD's a subset.
// Usage: node jsonld_isomorphic.js DOC.jsonld GRAPH.nt [--subset]
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');
const canonize = require('rdf-canonize');

const noNetwork = async (url) => { throw new Error('no network: ' + url); };

async function canonical(nquads) {
  const dataset = canonize.NQuads.parse(nquads);
  return canonize.canonize(dataset, {algorithm: 'RDFC-1.0'});
}

(async () => {
  const [docPath, ntPath, mode] = process.argv.slice(2);
  const doc = JSON.parse(fs.readFileSync(docPath, 'utf8'));
  const fromJsonLd = await jsonld.toRDF(doc, {format: 'application/n-quads', documentLoader: noNetwork, safe: true});
  const ours = await canonical(fs.readFileSync(ntPath, 'utf8'));
  const theirs = await canonical(fromJsonLd);
  const a = new Set(ours.split('\n').filter(Boolean)), b = theirs.split('\n').filter(Boolean);
  const missing = b.filter((l) => !a.has(l));
  if (mode === '--subset' ? missing.length === 0 && b.length > 0 : ours === theirs) {
    console.log(`isomorphic: ${b.length} statements`);
    process.exit(0);
  }
  console.log(`differ: ours ${a.size}, jsonld.js ${b.length}`);
  for (const l of missing.slice(0, 10)) console.log('only in jsonld.js: ' + l);
  const bs = new Set(b);
  for (const l of [...a].filter((l) => !bs.has(l)).slice(0, 10)) console.log('only in ours: ' + l);
  process.exit(1);
})().catch((e) => { console.error(e.stack || String(e)); process.exit(2); });
