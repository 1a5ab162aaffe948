// SourceText: small files are read, large ones mapped; released pages leave
// the process's resident memory and read back as the same bytes.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source_text.hpp"

using namespace ng::diag;

namespace {

std::string temp_path(const char* tag) {
  return ::testing::TempDir() + "/ng-source-text-" + tag + "-" + std::to_string(::getpid());
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// Resident file-backed memory of this process (RssFile in /proc/self/status), in KiB.
long resident_file_kib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    long value = 0;
    if (key == "RssFile:" && status >> value) return value;
    std::getline(status, key);
  }
  return -1;
}

std::string pattern(std::size_t size) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
  return s;
}

// Is `p` inside one of this process's mappings (/proc/self/maps)?
bool is_mapped(const void* p) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  while (std::getline(maps, line)) {
    const std::size_t dash = line.find('-'), space = line.find(' ');
    const auto begin = std::stoull(line.substr(0, dash), nullptr, 16);
    const auto end = std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16);
    if (at >= begin && at < end) return true;
  }
  return false;
}

}  // namespace

// Many small files share a pool's mapping, one after the other, and the
// mapping goes once the pool and every text read into it are gone.
TEST(SourceText, SmallFilesReadIntoAPoolShareAMappingUntilTheLastIsDropped) {
  const std::string a_path = temp_path("pool-a"), b_path = temp_path("pool-b"), empty_path = temp_path("pool-empty");
  write_file(a_path, "# A\nalpha\n");
  write_file(b_path, pattern(70000));
  write_file(empty_path, "");
  Diagnostics diags;
  auto pool = std::make_unique<TextPool>();
  auto a = SourceText::open(a_path, diags, pool.get());
  auto empty = SourceText::open(empty_path, diags, pool.get());
  auto b = SourceText::open(b_path, diags, pool.get());
  ASSERT_TRUE(a && b && empty);
  EXPECT_TRUE(diags.items().empty());
  EXPECT_EQ(a->view(), "# A\nalpha\n");
  EXPECT_EQ(b->view(), pattern(70000));
  EXPECT_TRUE(empty->view().empty());
  EXPECT_EQ(b->view().data(), a->view().data() + a->view().size());
  const char* in_mapping = a->view().data();
  EXPECT_TRUE(is_mapped(in_mapping));
  pool.reset();
  a.reset();
  EXPECT_TRUE(is_mapped(in_mapping)) << "b still lies in the mapping";
  EXPECT_EQ(b->view(), pattern(70000));
  b.reset();
  EXPECT_FALSE(is_mapped(in_mapping));
  for (const auto& p : {a_path, b_path, empty_path}) std::remove(p.c_str());
}

// A file larger than what is left of the pool's mapping starts another;
// one too large for the pool is mapped on its own, as without a pool.
TEST(SourceText, APoolStartsAnotherMappingWhenTheFileDoesNotFit) {
  const std::string small_path = temp_path("pool-small"), large_path = temp_path("pool-large");
  write_file(small_path, pattern(900000));
  write_file(large_path, pattern(3000000));
  Diagnostics diags;
  TextPool pool;
  std::vector<std::shared_ptr<const SourceText>> texts;
  for (int i = 0; i < 6; ++i) texts.push_back(SourceText::open(small_path, diags, &pool));
  auto large = SourceText::open(large_path, diags, &pool);
  ASSERT_TRUE(large);
  EXPECT_EQ(large->view(), pattern(3000000));
  int contiguous = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    ASSERT_TRUE(texts[i]);
    EXPECT_EQ(texts[i]->view(), pattern(900000));
    if (i > 0 && texts[i]->view().data() == texts[i - 1]->view().data() + 900000) ++contiguous;
  }
  // 4 MiB hold four of them: the fifth starts a second mapping.
  EXPECT_EQ(contiguous, 4);
  EXPECT_TRUE(diags.items().empty());
  for (const auto& p : {small_path, large_path}) std::remove(p.c_str());
}

TEST(SourceText, SmallFileIsReadWhole) {
  const std::string path = temp_path("small");
  write_file(path, "# Title\nbody\n");
  Diagnostics diags;
  auto text = SourceText::open(path, diags);
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(text->view(), "# Title\nbody\n");
  EXPECT_TRUE(diags.items().empty());
  std::remove(path.c_str());
}

TEST(SourceText, EmptyFileIsEmptyText) {
  const std::string path = temp_path("empty");
  write_file(path, "");
  Diagnostics diags;
  auto text = SourceText::open(path, diags);
  ASSERT_NE(text, nullptr);
  EXPECT_TRUE(text->view().empty());
  std::remove(path.c_str());
}

TEST(SourceText, MissingFileAndFolderAreErrorsNamingThePath) {
  Diagnostics diags;
  EXPECT_EQ(SourceText::open(temp_path("missing"), diags), nullptr);
  EXPECT_EQ(SourceText::open(::testing::TempDir(), diags), nullptr);
  ASSERT_EQ(diags.items().size(), 2u);
  EXPECT_EQ(diags.items()[0].kind, "unreadable-file");
  EXPECT_EQ(diags.items()[0].file, temp_path("missing"));
  EXPECT_NE(diags.items()[1].message.find("not a regular file"), std::string::npos);
}

TEST(SourceText, ReleasedPagesLeaveMemoryAndReadBackTheSameBytes) {
  const std::size_t size = 16u << 20;
  const std::string bytes = pattern(size);
  const std::string path = temp_path("large");
  write_file(path, bytes);
  Diagnostics diags;
  auto text = SourceText::open(path, diags);
  ASSERT_NE(text, nullptr);
  ASSERT_EQ(text->view().size(), size);
  // Touch every page, as a parse does.
  unsigned sum = 0;
  for (std::size_t i = 0; i < size; i += 4096) sum += static_cast<unsigned char>(text->view()[i]);
  EXPECT_GT(sum, 0u);
  const long touched = resident_file_kib();
  ASSERT_GT(touched, 12 * 1024) << "a 16 MiB file read through its mapping should be resident";

  text->release_before(text->view().data() + 12 * (1u << 20));
  const long released = resident_file_kib();
  EXPECT_LT(released, touched - 8 * 1024) << "12 MiB released, RssFile " << touched << " -> " << released << " KiB";

  // The bytes are still there, read again from the file.
  EXPECT_TRUE(text->view() == bytes);
  std::remove(path.c_str());
}

TEST(SourceText, ReleaseOutsideTheTextOrOfAStringDoesNothing) {
  auto owned = SourceText::from_string(pattern(4u << 20));
  const std::string copy(owned->view());
  owned->release_before(owned->view().data() + owned->view().size());
  EXPECT_TRUE(owned->view() == copy);
  const char* elsewhere = copy.data();
  owned->release_before(elsewhere);
  EXPECT_TRUE(owned->view() == copy);
}

// Another program truncating a mapped note while it is read: the process
// reports the file as an input error and exits 1, instead of dying of SIGBUS.
TEST(SourceTextDeathTest, MappedFileTruncatedWhileReadIsAnErrorNamingIt) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string path = temp_path("truncated");
  write_file(path, pattern(4u << 20));
  EXPECT_EXIT(
      {
        Diagnostics diags;
        auto text = SourceText::open(path, diags);
        if (!text) std::_Exit(3);
        if (::truncate(path.c_str(), 0) != 0) std::_Exit(4);
        volatile char last = text->view()[text->view().size() - 1];
        (void)last;
        std::_Exit(5);  // not reached: the page is gone
      },
      // The child re-runs the test, under its own process id.
      ::testing::ExitedWithCode(1),
      "notegraph: error: [^ ]*ng-source-text-truncated-[0-9]+: the file was truncated while it was being read");
  std::remove(path.c_str());
}

// A bus error outside the mapped notes is not taken for one: it goes to the
// handler that was there before (here the test's own, which exits 42).
TEST(SourceTextDeathTest, OtherBusErrorsGoToThePreviousHandler) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string path = temp_path("guarded");
  write_file(path, pattern(2u << 20));
  EXPECT_EXIT(
      {
        struct sigaction before {};
        before.sa_handler = [](int) { std::_Exit(42); };
        sigemptyset(&before.sa_mask);
        if (::sigaction(SIGBUS, &before, nullptr) != 0) std::_Exit(2);
        Diagnostics diags;
        auto text = SourceText::open(path, diags);  // installs notegraph's handler over it
        if (!text) std::_Exit(3);
        ::raise(SIGBUS);
        std::_Exit(5);
      },
      ::testing::ExitedWithCode(42), "");
  std::remove(path.c_str());
}
