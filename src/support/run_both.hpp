// Runs two independent pieces of work at once, for the few places where the
// main job splits in two (the machine this is built for has two cores).
#pragma once

#include <exception>
#include <system_error>
#include <thread>

namespace ng::support {

// Runs `second` on a new thread and `first` on the calling one, and returns
// when both are done. An exception from either (out of memory, say) is
// rethrown here after both have stopped; when both throw, first's wins. When
// no thread can be started, both run here, one after the other.
template <class First, class Second>
void run_both(First&& first, Second&& second) {
  std::exception_ptr failure;
  auto guarded_second = [&]() noexcept {
    try {
      second();
    } catch (...) {
      failure = std::current_exception();
    }
  };
  std::thread helper;
  try {
    helper = std::thread(guarded_second);
  } catch (const std::system_error&) {
    first();
    second();
    return;
  }
  try {
    first();
  } catch (...) {
    helper.join();
    throw;
  }
  helper.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace ng::support
