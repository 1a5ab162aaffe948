// run_both: both pieces run (at once when a thread can start), and an
// exception from either reaches the caller after both have stopped.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "support/run_both.hpp"

using ng::support::run_both;

TEST(RunBoth, RunsBothOnTwoThreads) {
  std::thread::id first_id, second_id;
  run_both([&] { first_id = std::this_thread::get_id(); }, [&] { second_id = std::this_thread::get_id(); });
  EXPECT_EQ(first_id, std::this_thread::get_id());
  EXPECT_NE(second_id, std::thread::id());
  EXPECT_NE(second_id, first_id);
}

TEST(RunBoth, TheyOverlapInTime) {
  // Each waits (bounded) until the other has started: only possible at once.
  std::atomic<int> started{0};
  auto meet = [&] {
    ++started;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (started.load() < 2 && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
  };
  const auto t0 = std::chrono::steady_clock::now();
  run_both(meet, meet);
  EXPECT_EQ(started.load(), 2);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
}

TEST(RunBoth, AnExceptionFromTheSecondReachesTheCallerAfterTheFirstFinished) {
  bool first_done = false;
  EXPECT_THROW(run_both(
                   [&] {
                     std::this_thread::sleep_for(std::chrono::milliseconds(20));
                     first_done = true;
                   },
                   [] { throw std::runtime_error("second"); }),
               std::runtime_error);
  EXPECT_TRUE(first_done);
}

TEST(RunBoth, WhenBothThrowTheFirstsExceptionWins) {
  try {
    run_both([] { throw std::runtime_error("first"); }, [] { throw std::logic_error("second"); });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "first");
  }
}
