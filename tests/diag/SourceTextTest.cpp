// SourceText: small files are read, large ones mapped; released pages leave
// the process's resident memory and read back as the same bytes.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

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

}  // namespace

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
