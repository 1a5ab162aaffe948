// Resource limit tests: a cartesian product of the graph with itself stops on
// timeout, max_rows or the memory ceiling with the named diagnostic.
#include <chrono>

#include "query_fixture.hpp"

namespace ng::query::testing {
namespace {

class LimitsTest : public QueryTest {
protected:
  void SetUp() override {
    for (int i = 0; i < 300; ++i) add("ex:s" + std::to_string(i), "ex:p", std::to_string(i));
  }
  static constexpr const char* kCross = "SELECT * { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }";
};

TEST_F(LimitsTest, TimeoutStopsACrossProductPromptly) {
  eval_options.timeout = 0.2;
  auto start = std::chrono::steady_clock::now();
  QueryResult r = run(kCross);
  std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
  EXPECT_LT(spent.count(), 2.0);
  EXPECT_EQ(r.table.row_count(), 0u);
  ASSERT_FALSE(diags.items().empty());
  EXPECT_EQ(diags.items().back().kind, "timeout");
}

TEST_F(LimitsTest, MaxRowsStopsWithRowLimit) {
  eval_options.max_rows = 1000;
  run(kCross);
  ASSERT_FALSE(diags.items().empty());
  EXPECT_EQ(diags.items().back().kind, "row-limit");
}

TEST_F(LimitsTest, MemoryCeilingStopsWithMemoryLimit) {
  eval_options.max_memory = 1 << 20;
  run(kCross);
  ASSERT_FALSE(diags.items().empty());
  EXPECT_EQ(diags.items().back().kind, "memory-limit");
}

TEST_F(LimitsTest, LimitOnCrossProductReturnsQuickly) {
  eval_options.timeout = 5;
  QueryResult r = run(std::string(kCross) + " LIMIT 3");
  EXPECT_EQ(r.table.row_count(), 3u);
  EXPECT_FALSE(diags.has_errors());
}

}  // namespace
}  // namespace ng::query::testing
