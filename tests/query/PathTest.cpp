// Property path tests with the W3C cardinalities: * includes the zero-length
// path and is duplicate-free, + follows cycles once, sequences and
// alternatives keep duplicates, ^ inverts, ! excludes predicates.
#include "query_fixture.hpp"

namespace ng::query::testing {
namespace {

class PathTest : public QueryTest {
protected:
  void SetUp() override {
    add("ex:a", "ex:m", "ex:b");
    add("ex:b", "ex:m", "ex:c");
    add("ex:c", "ex:m", "ex:a");  // a cycle
    add("ex:a", "ex:n", "ex:c");
  }
};

TEST_F(PathTest, OneOrMoreReachesEveryNodeOnceAroundACycle) {
  EXPECT_EQ(rows("SELECT ?o { ex:a ex:m+ ?o }"), Rows({"?o=ex:a", "?o=ex:b", "?o=ex:c"}));
}

TEST_F(PathTest, ZeroOrMoreIncludesTheStartWithoutDuplicates) {
  EXPECT_EQ(rows("SELECT ?o { ex:a ex:n* ?o }"), Rows({"?o=ex:a", "?o=ex:c"}));
}

TEST_F(PathTest, ZeroOrMoreFromAnUnknownTermIsItself) {
  EXPECT_EQ(rows("SELECT ?o { ex:zzz ex:m* ?o }"), Rows({"?o=ex:zzz"}));
}

TEST_F(PathTest, ZeroOrOne) { EXPECT_EQ(rows("SELECT ?o { ex:a ex:n? ?o }"), Rows({"?o=ex:a", "?o=ex:c"})); }

TEST_F(PathTest, BoundObjectWalksBackwards) {
  EXPECT_EQ(rows("SELECT ?s { ?s ex:m+ ex:b }"), Rows({"?s=ex:a", "?s=ex:b", "?s=ex:c"}));
}

TEST_F(PathTest, SequenceAndInverse) {
  EXPECT_EQ(rows("SELECT ?o { ex:a ex:m/ex:m ?o }"), Rows({"?o=ex:c"}));
  EXPECT_EQ(rows("SELECT ?s { ex:b ^ex:m ?s }"), Rows({"?s=ex:a"}));
}

TEST_F(PathTest, AlternativeKeepsDuplicates) {
  EXPECT_EQ(rows("SELECT ?o { ex:a (ex:n|ex:m/ex:m) ?o }"), Rows({"?o=ex:c", "?o=ex:c"}));
}

TEST_F(PathTest, NegatedPropertySet) {
  EXPECT_EQ(rows("SELECT ?o { ex:a !ex:m ?o }"), Rows({"?o=ex:c"}));
  EXPECT_EQ(rows("SELECT ?o { ex:a !(ex:n|^ex:m) ?o }"), Rows({"?o=ex:b"}));
}

TEST_F(PathTest, BothEndsFreeStarPairsEveryNodeWithItself) {
  EXPECT_EQ(rows("SELECT ?s ?o { ?s ex:n* ?o }"),
            Rows({"?s=ex:a ?o=ex:a", "?s=ex:a ?o=ex:c", "?s=ex:b ?o=ex:b", "?s=ex:c ?o=ex:c"}));
}

}  // namespace
}  // namespace ng::query::testing
