// Solution modifier tests: ORDER BY's order of unbound, blank, IRI and
// literal; GROUP BY with aggregates, also over empty input; HAVING; DISTINCT;
// LIMIT and OFFSET; projection expressions.
#include "query_fixture.hpp"

namespace ng::query::testing {
namespace {

class ModifierTest : public QueryTest {
protected:
  void SetUp() override {
    add("ex:a", "ex:v", "3");
    add("ex:a", "ex:v", "1.5");
    add("ex:b", "ex:v", "10");
    add("ex:c", "ex:w", "\"x\"");
  }
};

TEST_F(ModifierTest, OrderByPutsUnboundBlankIriLiteral) {
  add("ex:o1", "ex:k", "_:b1");
  add("ex:o2", "ex:k", "ex:iri");
  add("ex:o3", "ex:k", "\"lit\"");
  add("ex:o4", "ex:other", "ex:x");
  Rows r = rows("SELECT ?s ?v { ?s ?p ?any FILTER(?p IN (ex:k, ex:other)) OPTIONAL { ?s ex:k ?v } } ORDER BY ?v");
  EXPECT_EQ(r, Rows({"?s=ex:o4", "?s=ex:o1 ?v=_:b1", "?s=ex:o2 ?v=ex:iri", "?s=ex:o3 ?v=\"lit\""}));
}

TEST_F(ModifierTest, OrderByNumbersByValueDescending) {
  EXPECT_EQ(rows("SELECT ?o { ?s ex:v ?o } ORDER BY DESC(?o)"), Rows({"?o=10", "?o=3", "?o=1.5"}));
}

TEST_F(ModifierTest, GroupByWithCountSumAvgMinMax) {
  EXPECT_EQ(rows("SELECT ?s (COUNT(?o) AS ?n) (SUM(?o) AS ?sum) (MIN(?o) AS ?lo) (MAX(?o) AS ?hi) "
                 "{ ?s ex:v ?o } GROUP BY ?s"),
            Rows({"?s=ex:a ?n=2 ?sum=4.5 ?lo=1.5 ?hi=3", "?s=ex:b ?n=1 ?sum=10 ?lo=10 ?hi=10"}));
}

TEST_F(ModifierTest, AggregatesOverNoRowsGiveOneRow) {
  EXPECT_EQ(rows("SELECT (COUNT(*) AS ?n) (SUM(?o) AS ?s) (MAX(?o) AS ?m) { ?x ex:none ?o }"), Rows({"?n=0 ?s=0"}));
}

TEST_F(ModifierTest, GroupByOverNoRowsGivesNoRows) {
  EXPECT_TRUE(rows("SELECT ?x (COUNT(*) AS ?n) { ?x ex:none ?o } GROUP BY ?x").empty());
}

TEST_F(ModifierTest, CountDistinctAndStar) {
  add("ex:d", "ex:v", "3");
  EXPECT_EQ(rows("SELECT (COUNT(DISTINCT ?o) AS ?n) (COUNT(*) AS ?all) { ?s ex:v ?o }"), Rows({"?n=3 ?all=4"}));
}

TEST_F(ModifierTest, AvgPromotesToDecimal) {
  EXPECT_EQ(rows("SELECT (AVG(?o) AS ?avg) { ex:a ex:v ?o }"), Rows({"?avg=2.25"}));
}

TEST_F(ModifierTest, GroupConcatWithSeparator) {
  EXPECT_EQ(rows("SELECT (GROUP_CONCAT(?o; SEPARATOR=\"|\") AS ?all) { ?s ex:w ?o }"), Rows({"?all=\"x\""}));
}

TEST_F(ModifierTest, HavingFiltersGroups) {
  EXPECT_EQ(rows("SELECT ?s { ?s ex:v ?o } GROUP BY ?s HAVING (COUNT(?o) > 1)"), Rows({"?s=ex:a"}));
}

TEST_F(ModifierTest, GroupByExpression) {
  EXPECT_EQ(rows("SELECT ?big (COUNT(*) AS ?n) { ?s ex:v ?o } GROUP BY (?o > 2 AS ?big)"),
            Rows({"?big=false ?n=1", "?big=true ?n=2"}));
}

TEST_F(ModifierTest, DistinctRemovesDuplicates) {
  EXPECT_EQ(rows("SELECT DISTINCT ?s { ?s ex:v ?o }"), Rows({"?s=ex:a", "?s=ex:b"}));
}

TEST_F(ModifierTest, LimitAndOffsetSliceOrderedRows) {
  EXPECT_EQ(rows("SELECT ?o { ?s ex:v ?o } ORDER BY ?o LIMIT 1 OFFSET 1"), Rows({"?o=3"}));
}

TEST_F(ModifierTest, LimitWithoutOrderStopsEarly) {
  EXPECT_EQ(rows("SELECT ?o { ?s ex:v ?o } LIMIT 2").size(), 2u);
}

// OFFSET + LIMIT past 2^64 saturates (no row cap) instead of wrapping around.
TEST_F(ModifierTest, LimitNearMaximumAfterOffsetKeepsEveryRow) {
  const auto all = rows("SELECT ?o { ?s ex:v ?o }").size();
  ASSERT_GE(all, 3u);
  EXPECT_EQ(rows("SELECT ?o { ?s ex:v ?o } OFFSET 2 LIMIT 18446744073709551615").size(), all - 2);
}

TEST_F(ModifierTest, ProjectionExpression) {
  EXPECT_EQ(rows("SELECT (?o * 2 AS ?d) { ex:b ex:v ?o }"), Rows({"?d=20"}));
}

TEST_F(ModifierTest, LimitAndOffsetPastTwoToTheSixtyFourNeitherThrowNorWrap) {
  EXPECT_EQ(rows("SELECT ?o { ?s ex:v ?o } OFFSET 1 LIMIT 18446744073709551615").size(), 2u);
  EXPECT_EQ(rows("SELECT ?o { ?s ex:v ?o } LIMIT 100000000000000000000000").size(), 3u);
  EXPECT_TRUE(rows("SELECT ?o { ?s ex:v ?o } OFFSET 100000000000000000000000").empty());
}

}  // namespace
}  // namespace ng::query::testing
