// What the CLI tests share: a fresh folder per test, and running the
// notegraph binary (NOTEGRAPH) through the shell with its exit code, stdout
// and stderr captured.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ng::cli_test {

namespace fs = std::filesystem;

struct Outcome {
  int code = -1;  // exit code, or 128 + signal
  std::string out, err;
};

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const fs::path& p, std::string_view text) { std::ofstream(p, std::ios::binary) << text; }

// Exit code of a shell command (128 + signal when it was killed).
inline int shell(const std::string& cmd) {
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

class NotegraphRunner : public ::testing::Test {
 protected:
  explicit NotegraphRunner(std::string folder_prefix) : prefix_(std::move(folder_prefix)) {}

  void SetUp() override {
    dir_ = fs::temp_directory_path() / (prefix_ + "-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes `text` to `name` in the test's folder and returns its path.
  fs::path write(const std::string& name, std::string_view text) {
    write_file(dir_ / name, text);
    return dir_ / name;
  }

  // Runs `notegraph ARGS` (shell-quoted by the caller) with `input` on stdin;
  // stdout goes to the file `out_name` in the test's folder, then is read back.
  Outcome notegraph(const std::string& args, std::string_view input = {}, const std::string& out_name = "out") {
    fs::path in = write("stdin", input);
    const std::string cmd = std::string(NOTEGRAPH) + " " + args + " <" + in.string() + " >" +
                            (dir_ / out_name).string() + " 2>" + (dir_ / "err").string();
    int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), read_file(dir_ / out_name),
            read_file(dir_ / "err")};
  }

  fs::path dir_;

 private:
  std::string prefix_;
};

}  // namespace ng::cli_test
