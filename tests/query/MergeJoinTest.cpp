// Merge joins of the first two patterns of a BGP (evaluator_bgp.cpp): used
// when both scans come sorted by the variable they share, and giving the same
// solutions as the index nested loop the same patterns get in two groups.
#include <random>

#include "query_fixture.hpp"

namespace ng::query::testing {
namespace {

class MergeJoinTest : public QueryTest {
protected:
  void SetUp() override {
    std::mt19937 rng(11);
    for (int i = 0; i < 60; ++i) {
      const std::string s = "ex:s" + std::to_string(i);
      if (i % 2 == 0) add(s, "ex:type", "ex:T");
      if (i % 3 == 0) add(s, "ex:cat", "ex:C");
      if (i % 5 == 0) add(s, "ex:cat", "ex:C", "ex:g1");  // also in a named graph
      if (i % 10 == 0) add(s, "ex:type", "ex:T", "ex:g1");
      for (int k = 0; k < static_cast<int>(rng() % 3); ++k) add(s, "ex:link", "ex:o" + std::to_string(rng() % 20));
      add("ex:hub", "ex:has", "ex:o" + std::to_string(rng() % 25));
    }
  }
  bool merged(const std::string& where) {
    store.freeze();
    ParsedQuery q = parse_query("PREFIX ex: <http://example.org/>\nSELECT * WHERE { " + where + " }", {}, diags);
    return explain(q, store, eval_options, diags).find("MergeJoin") != std::string::npos;
  }
};

TEST_F(MergeJoinTest, SubjectStarOfBoundPredicatesAndObjects) {
  const std::string joined = "?s ex:type ex:T . ?s ex:cat ex:C";
  EXPECT_TRUE(merged(joined));
  Rows merge = rows("SELECT * WHERE { " + joined + " }");
  Rows loops = rows("SELECT * WHERE { { ?s ex:type ex:T } { ?s ex:cat ex:C } }");
  EXPECT_FALSE(merge.empty());
  EXPECT_EQ(merge, loops);
}

TEST_F(MergeJoinTest, ObjectsOfTwoScansSortedByObject) {
  const std::string joined = "ex:hub ex:has ?o . ?s ex:link ?o";
  EXPECT_TRUE(merged(joined));
  Rows merge = rows("SELECT * WHERE { " + joined + " }");
  EXPECT_FALSE(merge.empty());
  EXPECT_EQ(merge, rows("SELECT * WHERE { { ex:hub ex:has ?o } { ?s ex:link ?o } }"));
}

TEST_F(MergeJoinTest, LaterPatternsAndFiltersApplyToMergedRows) {
  const std::string joined = "?s ex:type ex:T . ?s ex:cat ex:C . ?s ex:link ?o FILTER(?o != ex:o3)";
  EXPECT_TRUE(merged(joined));
  EXPECT_EQ(rows("SELECT * WHERE { " + joined + " }"),
            rows("SELECT * WHERE { { ?s ex:type ex:T } { ?s ex:cat ex:C } { ?s ex:link ?o } FILTER(?o != ex:o3) }"));
}

TEST_F(MergeJoinTest, NotUsedWhenTheScansAreNotSortedByTheSharedVariable) {
  // ?s ex:link ?o is scanned in P,O,S order: sorted by ?o, not ?s.
  EXPECT_FALSE(merged("?s ex:type ex:T . ?s ex:link ?o"));
  EXPECT_FALSE(merged("?s ex:type ?t . ?s ex:cat ex:C"));  // ?s ?t: sorted by O first
}

TEST_F(MergeJoinTest, NamedGraphsAreJoinedInsideTheirGraph) {
  const std::string in_graph = "GRAPH ex:g1 { ?s ex:type ex:T . ?s ex:cat ex:C }";
  EXPECT_TRUE(merged(in_graph));
  Rows merge = rows("SELECT * WHERE { " + in_graph + " }");
  EXPECT_EQ(merge.size(), 6u);  // s0, s10, ..., s50
  EXPECT_EQ(merge, rows("SELECT * WHERE { GRAPH ex:g1 { { ?s ex:type ex:T } { ?s ex:cat ex:C } } }"));
}

}  // namespace
}  // namespace ng::query::testing
