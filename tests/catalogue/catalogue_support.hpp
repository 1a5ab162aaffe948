// What every catalogue test needs: a fresh temporary folder, running the
// notegraph binary with its exit code, output and wall time, and reading the
// GCC-style diagnostics it prints ("file:line:col: error: message [kind]",
// then the quoted line and a caret) back into fields a test can assert.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace ng::catalogue {

namespace fs = std::filesystem;

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void spit(const fs::path& p, std::string_view text) {
  std::ofstream out(p, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

inline std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Sanitizers make the big rows several times slower; those rows use a smaller
// input there (never a different check).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

// One diagnostic as the binary printed it.
struct Printed {
  std::string file, severity, message, kind;
  std::uint32_t line = 0, column = 0;
  std::string source_line, caret_line;  // without the two-space indent; empty when not printed
};

// Reads every "file:line:col: severity: message [kind]" (or "file: severity:
// ..." for a whole-file problem) and the quoted line and caret after it.
inline std::vector<Printed> parse_printed(const std::string& err) {
  static const std::regex positioned(R"(^(.*?):(\d+):(\d+): (error|warning|note): (.*) \[([a-z0-9-]+)\]$)");
  static const std::regex whole_file(R"(^(.*?): (error|warning|note): (.*) \[([a-z0-9-]+)\]$)");
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::vector<Printed> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    Printed p;
    if (std::regex_match(lines[i], m, positioned)) {
      p.file = m[1];
      p.line = static_cast<std::uint32_t>(std::stoul(m[2]));
      p.column = static_cast<std::uint32_t>(std::stoul(m[3]));
      p.severity = m[4];
      p.message = m[5];
      p.kind = m[6];
      if (i + 2 < lines.size() && lines[i + 1].starts_with("  ") && lines[i + 2].starts_with("  ") &&
          lines[i + 2].ends_with("^")) {
        p.source_line = lines[i + 1].substr(2);
        p.caret_line = lines[i + 2].substr(2);
        i += 2;
      }
    } else if (std::regex_match(lines[i], m, whole_file)) {
      p.file = m[1];
      p.severity = m[2];
      p.message = m[3];
      p.kind = m[4];
    } else {
      continue;
    }
    out.push_back(std::move(p));
  }
  return out;
}

inline const Printed* find_kind(const std::vector<Printed>& printed, std::string_view kind) {
  for (const auto& p : printed)
    if (p.kind == kind) return &p;
  return nullptr;
}

inline const diag::Diagnostic* find_kind(const diag::Diagnostics& diags, std::string_view kind) {
  for (const auto& d : diags.items())
    if (d.kind == kind) return &d;
  return nullptr;
}

// The display column of the caret (1-based), for lines quoted whole.
inline std::size_t caret_column(const Printed& p) { return p.caret_line.size(); }

// The caret stands under column `column` of the ASCII `line`: the quoted text
// (whole, or a window "... part ..." of a long line) matches the line's text
// on both sides of that column.
inline void expect_caret_under(const Printed& p, std::string_view line, std::uint32_t column) {
  ASSERT_FALSE(p.caret_line.empty()) << "no caret";
  std::string_view shown = p.source_line;
  const std::size_t caret = p.caret_line.size() - 1;
  const std::size_t start = shown.starts_with("... ") ? 4 : 0;
  ASSERT_GE(caret, start);
  ASSERT_LE(caret, shown.size());
  if (shown.ends_with(" ...") && !line.ends_with(" ...")) shown.remove_suffix(4);
  std::string_view before = shown.substr(start, caret - start);
  std::string_view after = shown.substr(std::min(caret, shown.size()));
  ASSERT_LE(before.size(), column - 1);
  EXPECT_EQ(before, line.substr(column - 1 - before.size(), before.size()));
  EXPECT_EQ(after, line.substr(std::min<std::size_t>(column - 1, line.size()), after.size()));
}

// Line `number` (1-based) of `text`.
inline std::string_view line_of(std::string_view text, std::uint32_t number) {
  for (std::uint32_t n = 1; n < number; ++n) text.remove_prefix(std::min(text.size(), text.find('\n') + 1));
  return text.substr(0, text.find('\n'));
}

struct Outcome {
  int code = -1;
  std::string out, err;
  double seconds = 0;
};

// A fresh folder per test, removed afterwards; run() starts the binary.
class CatalogueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("notegraph-catalogue-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }

  fs::path write(const std::string& name, std::string_view text) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    spit(p, text);
    return p;
  }

  // Runs `prefix notegraph args` through the shell, stdin from /dev/null.
  Outcome run(const std::string& args, const std::string& prefix = "") {
    fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    std::string cmd =
        prefix + std::string(NOTEGRAPH) + " " + args + " >" + out.string() + " 2>" + err.string() + " </dev/null";
    auto start = std::chrono::steady_clock::now();
    int status = std::system(cmd.c_str());
    Outcome r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  fs::path dir_;
};

}  // namespace ng::catalogue
