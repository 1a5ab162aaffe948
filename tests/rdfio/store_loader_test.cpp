// Loading into the TripleStore: provenance lines, graph terms from N-Quads,
// literal normalization, blank node scoping per document, syntax by extension.
#include "rdfio/store_loader.hpp"

#include <gtest/gtest.h>

namespace ng::rdfio {
namespace {

using model::Term;

ReadOptions named(std::string file) {
  ReadOptions options;
  options.file_name = std::move(file);
  return options;
}

TEST(StoreLoader, RecordsLineAndFile) {
  store::TripleStore store;
  diag::Diagnostics diags;
  load_graph("# c\n<http://a/s> <http://a/p> <http://a/o> .\n", GraphSyntax::ntriples, named("g.nt"), store, diags);
  store.freeze();
  ASSERT_EQ(store.size(), 1u);
  EXPECT_EQ(store.provenance(0).line, 2u);
  EXPECT_EQ(store.files()[store.provenance(0).file], "g.nt");
  EXPECT_EQ(store.quads()[0].g, store::kNoTerm);
}

TEST(StoreLoader, InternsGraphOfNQuads) {
  store::TripleStore store;
  diag::Diagnostics diags;
  load_graph("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n", GraphSyntax::nquads, named("g.nq"), store,
             diags);
  store.freeze();
  ASSERT_EQ(store.size(), 1u);
  EXPECT_EQ(store.dictionary().term(store.quads()[0].g), Term::iri("http://a/g"));
}

TEST(StoreLoader, NormalizesLanguageAndXsdString) {
  store::TripleStore store;
  diag::Diagnostics diags;
  load_graph(
      "<http://a/s> <http://a/p> \"x\"@EN-gb, "
      "\"y\"^^<http://www.w3.org/2001/XMLSchema#string> .",
      GraphSyntax::turtle, named("g.ttl"), store, diags);
  EXPECT_TRUE(store.dictionary().find(Term::lang_literal("x", "en-gb")));
  EXPECT_TRUE(store.dictionary().find(Term::literal("y")));
}

TEST(StoreLoader, ScopesBlankNodesPerDocument) {
  store::TripleStore store;
  diag::Diagnostics diags;
  const char *text = "_:x <http://a/p> _:x .\n";
  load_graph(text, GraphSyntax::ntriples, named("1.nt"), store, diags);
  load_graph(text, GraphSyntax::ntriples, named("2.nt"), store, diags);
  store.freeze();
  ASSERT_EQ(store.size(), 2u);
  for (const auto &q : store.quads()) EXPECT_EQ(q.s, q.o);
  EXPECT_NE(store.quads()[0].s, store.quads()[1].s);
  EXPECT_TRUE(store.dictionary().find(Term::blank("x")));
}

TEST(StoreLoader, GeneratedBlankNodesDoNotMeetDocumentLabels) {
  store::TripleStore store;
  diag::Diagnostics diags;
  load_graph("<http://a/s> <http://a/p> [] .\n_:b1 <http://a/p> <http://a/o> .", GraphSyntax::turtle, named("g.ttl"),
             store, diags);
  store.freeze();
  ASSERT_EQ(store.size(), 2u);
  EXPECT_NE(store.quads()[0].o, store.quads()[1].s);
  EXPECT_EQ(store.dictionary().size(), 5u);
}

TEST(StoreLoader, ChoosesSyntaxByExtension) {
  EXPECT_EQ(syntax_for_path("dir.v1/a.NT"), GraphSyntax::ntriples);
  EXPECT_EQ(syntax_for_path("a.nq"), GraphSyntax::nquads);
  EXPECT_EQ(syntax_for_path("a.ttl"), GraphSyntax::turtle);
  EXPECT_EQ(syntax_for_path("dir.nt/a"), std::nullopt);
  EXPECT_EQ(syntax_from_name("turtle"), GraphSyntax::turtle);
}

TEST(StoreLoader, UnknownExtensionIsAnError) {
  store::TripleStore store;
  diag::Diagnostics diags;
  load_graph_file("graph.rdf", std::nullopt, store, diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].kind, "unknown-syntax");
}

}  // namespace
}  // namespace ng::rdfio
