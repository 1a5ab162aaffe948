// Evaluator tests for graph patterns on small stores: BGPs, OPTIONAL and its
// filter scoping, UNION, MINUS, BIND, VALUES, sub-SELECT, GRAPH and the
// query forms ASK, CONSTRUCT and DESCRIBE.
#include "query_fixture.hpp"

namespace ng::query::testing {
namespace {

class EvaluatorTest : public QueryTest {
protected:
  void SetUp() override {
    add("ex:a", "ex:knows", "ex:b");
    add("ex:b", "ex:knows", "ex:c");
    add("ex:a", "ex:name", "\"Alice\"");
    add("ex:b", "ex:name", "\"Bob\"");
    add("ex:c", "ex:age", "30");
  }
};

TEST_F(EvaluatorTest, BasicGraphPatternJoinsOnSharedVariable) {
  EXPECT_EQ(rows("SELECT ?x ?z { ?x ex:knows ?y . ?y ex:knows ?z }"), Rows({"?x=ex:a ?z=ex:c"}));
}

TEST_F(EvaluatorTest, SameVariableTwiceInATripleMustMatchBoth) {
  add("ex:s", "ex:self", "ex:s");
  add("ex:s", "ex:self", "ex:t");
  EXPECT_EQ(rows("SELECT ?x { ?x ex:self ?x }"), Rows({"?x=ex:s"}));
}

TEST_F(EvaluatorTest, UnknownConstantMatchesNothing) { EXPECT_TRUE(rows("SELECT * { ?s ex:nothing ?o }").empty()); }

TEST_F(EvaluatorTest, OptionalKeepsRowsWithoutMatch) {
  EXPECT_EQ(rows("SELECT ?x ?n { ?x ex:knows ?y OPTIONAL { ?x ex:name ?n } }"),
            Rows({"?x=ex:a ?n=\"Alice\"", "?x=ex:b ?n=\"Bob\""}));
  EXPECT_EQ(rows("SELECT ?y ?n { ?x ex:knows ?y OPTIONAL { ?y ex:name ?n } }"),
            Rows({"?y=ex:b ?n=\"Bob\"", "?y=ex:c"}));
}

TEST_F(EvaluatorTest, FilterInsideOptionalIsTheLeftJoinCondition) {
  EXPECT_EQ(rows("SELECT ?x ?n { ?x ex:knows ?y OPTIONAL { ?x ex:name ?n FILTER (?n = \"Bob\") } }"),
            Rows({"?x=ex:a", "?x=ex:b ?n=\"Bob\""}));
}

TEST_F(EvaluatorTest, FilterInNestedGroupCannotSeeOuterVariables) {
  // The spec's scoping example: ?y is not bound inside the inner group, so the filter fails there.
  EXPECT_TRUE(rows("SELECT ?x { ?x ex:knows ?y { ?x ex:name ?n FILTER (?y = ex:b) } }").empty());
}

TEST_F(EvaluatorTest, UnionConcatenatesBranches) {
  EXPECT_EQ(rows("SELECT ?v { { ?s ex:name ?v } UNION { ?s ex:age ?v } }"),
            Rows({"?v=\"Alice\"", "?v=\"Bob\"", "?v=30"}));
}

TEST_F(EvaluatorTest, MinusRemovesCompatibleRows) {
  EXPECT_EQ(rows("SELECT ?x { ?x ex:knows ?y MINUS { ?x ex:name \"Bob\" } }"), Rows({"?x=ex:a"}));
}

TEST_F(EvaluatorTest, MinusWithoutSharedVariablesRemovesNothing) {
  EXPECT_EQ(rows("SELECT ?x { ?x ex:knows ?y MINUS { ?q ex:age ?r } }").size(), 2u);
}

TEST_F(EvaluatorTest, BindAddsComputedValue) {
  EXPECT_EQ(rows("SELECT ?x ?next { ?x ex:age ?a BIND (?a + 1 AS ?next) }"), Rows({"?x=ex:c ?next=31"}));
}

TEST_F(EvaluatorTest, ValuesInlineRestrictsAndUndefMatchesAnything) {
  EXPECT_EQ(rows("SELECT ?x ?n { VALUES ?x { ex:b ex:z } ?x ex:name ?n }"), Rows({"?x=ex:b ?n=\"Bob\""}));
  EXPECT_EQ(rows("SELECT ?x { ?x ex:name ?n } VALUES (?x ?n) { (UNDEF \"Alice\") }"), Rows({"?x=ex:a"}));
}

TEST_F(EvaluatorTest, SubSelectHidesUnprojectedVariables) {
  EXPECT_EQ(rows("SELECT ?x ?y { ?x ex:name ?n { SELECT ?x WHERE { ?x ex:knows ?y } } }"),
            Rows({"?x=ex:a", "?x=ex:b"}));
}

TEST_F(EvaluatorTest, GraphVariableRangesOverNamedGraphs) {
  add("ex:s", "ex:p", "ex:o", "ex:g1");
  add("ex:s", "ex:p", "ex:o", "ex:g2");
  EXPECT_EQ(rows("SELECT ?g { GRAPH ?g { ex:s ex:p ex:o } }"), Rows({"?g=ex:g1", "?g=ex:g2"}));
  EXPECT_EQ(rows("SELECT ?o { GRAPH ex:g1 { ?s ex:p ?o } }"), Rows({"?o=ex:o"}));
}

TEST_F(EvaluatorTest, DefaultGraphExcludesNamedGraphsWhenItHasTriples) {
  add("ex:s", "ex:p", "ex:o", "ex:g1");
  EXPECT_TRUE(rows("SELECT ?o { ex:s ex:p ?o }").empty());
  EXPECT_EQ(rows("SELECT ?o { GRAPH ex:g1 { ex:s ex:p ?o } }"), Rows({"?o=ex:o"}));
}

// A notes graph: every triple is in its file's named graph.
class OnlyNamedGraphsTest : public QueryTest {};

TEST_F(OnlyNamedGraphsTest, DefaultGraphIsDistinctUnionOfGraphs) {
  add("ex:s", "ex:p", "ex:o", "ex:g1");
  add("ex:s", "ex:p", "ex:o", "ex:g2");
  EXPECT_EQ(rows("SELECT ?o { ex:s ex:p ?o }"), Rows({"?o=ex:o"}));
}

TEST_F(EvaluatorTest, AskIsTrueWhenAnySolution) {
  EXPECT_TRUE(ask("ASK { ex:a ex:knows ex:b }"));
  EXPECT_FALSE(ask("ASK { ex:a ex:knows ex:c }"));
}

TEST_F(EvaluatorTest, ConstructInstantiatesTemplateAndSkipsUnbound) {
  EXPECT_EQ(triples("CONSTRUCT { ?y ex:knownBy ?x . ?x ex:nick ?nick } WHERE { ?x ex:knows ?y }"),
            std::vector<std::string>({"ex:b ex:knownBy ex:a", "ex:c ex:knownBy ex:b"}));
}

TEST_F(EvaluatorTest, ConstructWhereUsesPatternAsTemplate) {
  EXPECT_EQ(triples("CONSTRUCT WHERE { ?x ex:name ?n }"),
            std::vector<std::string>({"ex:a ex:name \"Alice\"", "ex:b ex:name \"Bob\""}));
}

TEST_F(EvaluatorTest, ConstructTemplateBlankNodesAreFreshPerSolution) {
  QueryResult r = run("CONSTRUCT { [] ex:about ?x } WHERE { ?x ex:knows ?y }");
  ASSERT_EQ(r.triples.size(), 2u);
  EXPECT_NE(r.triples[0].s, r.triples[1].s);
}

TEST_F(EvaluatorTest, DescribeGivesSubjectTriples) {
  EXPECT_EQ(triples("DESCRIBE ex:b"), std::vector<std::string>({"ex:b ex:knows ex:c", "ex:b ex:name \"Bob\""}));
}

TEST_F(EvaluatorTest, ExistsAndNotExistsFilter) {
  EXPECT_EQ(rows("SELECT ?x { ?x ex:knows ?y FILTER EXISTS { ?y ex:name ?n } }"), Rows({"?x=ex:a"}));
  EXPECT_EQ(rows("SELECT ?x { ?x ex:knows ?y FILTER NOT EXISTS { ?y ex:name ?n } }"), Rows({"?x=ex:b"}));
}

TEST_F(EvaluatorTest, SelectStarListsVisibleVariablesOnly) {
  QueryResult r = run("SELECT * { ?x ex:knows [ ex:knows ?z ] }");
  EXPECT_EQ(r.table.variables, std::vector<std::string>({"x", "z"}));
}

TEST_F(EvaluatorTest, ExplainShowsEstimatedAndActualRows) {
  store.freeze();
  ParsedQuery q = parse_query("PREFIX ex: <http://example.org/> SELECT * { ?x ex:knows ?y . ?y ex:name ?n }", {}, diags);
  std::string plan = explain(q, store, {}, diags);
  EXPECT_NE(plan.find("Scan ?x <http://example.org/knows> ?y  est=2  rows=2"), std::string::npos) << plan;
  EXPECT_NE(plan.find("result rows=1"), std::string::npos) << plan;
}

}  // namespace
}  // namespace ng::query::testing
