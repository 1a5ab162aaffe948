// Helpers for the output-safety tests: a fresh folder per test, running the
// notegraph command (directly, no shell, so it can be killed), and comparing
// the files a folder holds.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace ng::outputs::testing {

namespace fs = std::filesystem;

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// FNV-1a: enough to tell the old version of a file from the new one (and
// from any torn mixture, whose length differs or whose bytes do).
inline std::uint64_t fingerprint(const std::string& text) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h ^ text.size();
}

// Every name in `dir`, recursively, relative to it ("sub/x.csv").
inline std::set<std::string> names_under(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    names.insert(fs::relative(entry.path(), dir).string());
  return names;
}

// Starts notegraph with `args` (no shell), stdout and stderr into the files
// given (or /dev/null), stdin from /dev/null, in folder `cwd` when given.
inline pid_t spawn_notegraph(const std::vector<std::string>& args, const std::string& out = "/dev/null",
                             const std::string& err = "/dev/null", const std::string& cwd = "") {
  std::vector<std::string> storage{NOTEGRAPH};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

struct RunResult {
  int code = -1;  // exit code, or 128 + signal
  std::string out, err;
};

// Runs notegraph to completion, capturing its output in `scratch`.
inline RunResult run_notegraph(const std::vector<std::string>& args, const fs::path& scratch,
                               const fs::path& cwd = {}) {
  const std::string out = (scratch / "stdout").string(), err = (scratch / "stderr").string();
  const pid_t pid = spawn_notegraph(args, out, err, cwd.string());
  RunResult r;
  if (pid < 0) return r;
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

// A fresh folder per test (work/ for outputs, scratch/ for captured
// streams), removed afterwards.
class OutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("notegraph-outputs-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "scratch");
    scratch_ = root_ / "scratch";
  }
  void TearDown() override { fs::remove_all(root_); }

  RunResult run(const std::vector<std::string>& args, const fs::path& cwd = {}) {
    return run_notegraph(args, scratch_, cwd);
  }

  fs::path root_, scratch_;
};

}  // namespace ng::outputs::testing
