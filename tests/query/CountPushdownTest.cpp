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

TEST_F(CountPushdownTest, EmptyBaseCountsZero) {
  add_star_graph(7);
  EXPECT_EQ(count_of("?s ex:type ex:Nothing OPTIONAL { ?s ex:p ?a }"), "?n=0");
}

}  // namespace
}  // namespace ng::query::testing
