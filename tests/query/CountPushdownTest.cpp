// COUNT(*) over independent OPTIONALs is counted without building rows
// (count_pushdown.cpp): its answer must equal the number of rows the general
// left joins build, and shapes where the OPTIONALs interact must not use it.
#include <random>

#include "query_fixture.hpp"

namespace ng::query::testing {
namespace {

class CountPushdownTest : public QueryTest {
protected:
  // A random star graph: subjects of ex:T with 0..3 values for each of p, q, r.
  void add_star_graph(unsigned seed) {
    std::mt19937 rng(seed);
    for (int s = 0; s < 40; ++s) {
      std::string subject = "ex:s" + std::to_string(s);
      if (s % 7 != 0) add(subject, "ex:type", "ex:T");
      for (const char* p : {"ex:p", "ex:q", "ex:r"}) {
        int n = static_cast<int>(rng() % 4);
        for (int i = 0; i < n; ++i) add(subject, p, std::to_string(rng() % 5));
      }
    }
  }

  std::string count_of(const std::string& pattern) {
    Rows r = rows("SELECT (COUNT(*) AS ?n) WHERE { " + pattern + " }");
    return r.size() == 1 ? r[0] : "no single row";
  }
  std::string rows_of(const std::string& pattern) {
    return "?n=" + std::to_string(rows("SELECT * WHERE { " + pattern + " }").size());
  }
  bool counted_without_rows(const std::string& pattern) {
    store.freeze();
    ParsedQuery q =
        parse_query("PREFIX ex: <http://example.org/>\nSELECT (COUNT(*) AS ?n) WHERE { " + pattern + " }", {}, diags);
    return explain(q, store, eval_options, diags).find("CountLeftJoins") != std::string::npos;
  }
};

TEST_F(CountPushdownTest, StarOfOptionalsCountsTheRowsTheLeftJoinsBuild) {
  for (unsigned seed : {1u, 2u, 3u}) {
    store = store::TripleStore();
    add_star_graph(seed);
    const std::string star =
        "?s ex:type ex:T OPTIONAL { ?s ex:p ?a } OPTIONAL { ?s ex:q ?b } OPTIONAL { ?s ex:r ?c }";
    EXPECT_TRUE(counted_without_rows(star));
    EXPECT_EQ(count_of(star), rows_of(star)) << "seed " << seed;
  }
}

TEST_F(CountPushdownTest, FilterInsideAnOptionalIsAppliedPerRow) {
  add_star_graph(4);
  const std::string star = "?s ex:type ex:T OPTIONAL { ?s ex:p ?a FILTER(?a > 2) } OPTIONAL { ?s ex:q ?b }";
  EXPECT_TRUE(counted_without_rows(star));
  EXPECT_EQ(count_of(star), rows_of(star));
}

TEST_F(CountPushdownTest, OptionalsSharingANewVariableUseTheGeneralPath) {
  add_star_graph(5);
  // ?a bound by the first OPTIONAL constrains the second: not independent.
  const std::string chained = "?s ex:type ex:T OPTIONAL { ?s ex:p ?a } OPTIONAL { ?s ex:q ?a }";
  EXPECT_FALSE(counted_without_rows(chained));
  EXPECT_EQ(count_of(chained), rows_of(chained));
}

TEST_F(CountPushdownTest, OtherShapesAreNotCountedThisWay) {
  add_star_graph(6);
  EXPECT_FALSE(counted_without_rows("?s ex:type ex:T"));  // no OPTIONAL
  EXPECT_FALSE(counted_without_rows("?s ex:type ex:T OPTIONAL { ?s ex:p ?a } FILTER(BOUND(?a))"));
  EXPECT_FALSE(counted_without_rows("?s ex:type ex:T OPTIONAL { ?s ex:p ?a OPTIONAL { ?s ex:q ?b } }"));
  Rows distinct = rows("SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?s ex:type ex:T OPTIONAL { ?s ex:p ?a } }");
  ASSERT_EQ(distinct.size(), 1u);
  EXPECT_EQ(distinct[0], "?n=" + std::to_string(rows("SELECT DISTINCT * WHERE { ?s ex:type ex:T OPTIONAL { ?s ex:p ?a } }").size()));
}

TEST_F(CountPushdownTest, PlainTriplesAreCountedAsTheScansProduceThem) {
  add_star_graph(8);
  for (const std::string pattern : {"?s ex:type ex:T", "?s ?p ?o", "?s ex:p ?a . ?s ex:q ?b FILTER(?a < ?b)",
                                    "?s ex:type ex:T ; ex:p ?a FILTER(?a != 1)"}) {
    store.freeze();
    ParsedQuery q = parse_query(
        "PREFIX ex: <http://example.org/>\nSELECT (COUNT(*) AS ?n) WHERE { " + pattern + " }", {}, diags);
    EXPECT_NE(explain(q, store, eval_options, diags).find("CountRows"), std::string::npos) << pattern;
    EXPECT_EQ(count_of(pattern), rows_of(pattern)) << pattern;
  }
}

TEST_F(CountPushdownTest, FiltersTheScansCannotTakeUseTheGeneralPath) {
  add_star_graph(9);
  // ?x is not bound by the pattern: !BOUND(?x) holds for every row.
  EXPECT_EQ(count_of("?s ex:p ?a FILTER(!BOUND(?x))"), rows_of("?s ex:p ?a"));
  EXPECT_EQ(count_of("?s ex:p ?a FILTER NOT EXISTS { ?s ex:q ?b }"),
            rows_of("?s ex:p ?a FILTER NOT EXISTS { ?s ex:q ?b }"));
}

TEST_F(CountPushdownTest, GroupedCountsMatchCountingABoundVariable) {
  add_star_graph(10);
  // COUNT(?s) of an always-bound ?s counts the same rows on the general path.
  for (const std::string tail : {"", " HAVING(COUNT(*) > 2)"}) {
    const std::string where = "WHERE { ?s ex:p ?a FILTER(?a != 0) } GROUP BY ?a";
    store.freeze();
    ParsedQuery q =
        parse_query("PREFIX ex: <http://example.org/>\nSELECT ?a (COUNT(*) AS ?n) " + where + tail, {}, diags);
    EXPECT_NE(explain(q, store, eval_options, diags).find("CountRowsByKey"), std::string::npos);
    Rows fast = rows("SELECT ?a (COUNT(*) AS ?n) " + where + tail);
    std::string general_tail = tail.empty() ? "" : " HAVING(COUNT(?s) > 2)";
    EXPECT_EQ(fast, rows("SELECT ?a (COUNT(?s) AS ?n) " + where + general_tail)) << tail;
    EXPECT_FALSE(fast.empty());
  }
  EXPECT_TRUE(rows("SELECT ?a (COUNT(*) AS ?n) WHERE { ?s ex:nothing ?a } GROUP BY ?a").empty());
}

TEST_F(CountPushdownTest, EmptyBaseCountsZero) {
  add_star_graph(7);
  EXPECT_EQ(count_of("?s ex:type ex:Nothing OPTIONAL { ?s ex:p ?a }"), "?n=0");
}

}  // namespace
}  // namespace ng::query::testing
