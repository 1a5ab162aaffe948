// write_file_atomically: the target holds either the old or the new contents,
// failures (unwritable directory, a writer that fails or throws, a write
// refused by the system) leave an existing file whole and no temporary file;
// a set of files is replaced only when all are written; links at the target
// are replaced, devices written in place; abandoned temporary files removed.
#include "exporters/atomic_file.hpp"

#include <gtest/gtest.h>
#include <pwd.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "exporters/temporary_file_names.hpp"

namespace ng::exporters {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

void write_new(std::ostream& out) { out << "new\n"; }

// Runs `body` in a child process (for changes that must not outlive the test:
// resource limits, a dropped user id) and returns its exit code.
int exit_code_in_child(const std::function<int()>& body) {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(body());
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class AtomicFile : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ng-atomic-" + std::to_string(::getpid()) + "-" +
                                        testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    target_ = (dir_ / "graph.nt").string();
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all);
    fs::remove_all(dir_);
  }
  void write_existing(const std::string& text) { std::ofstream(target_, std::ios::binary) << text; }

  fs::path dir_;
  std::string target_;
  std::string error_;
};

TEST_F(AtomicFile, WritesANewFile) {
  ASSERT_TRUE(write_file_atomically(target_, write_new, error_)) << error_;
  EXPECT_EQ(read_file(target_), "new\n");
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

TEST_F(AtomicFile, ReplacesAnExistingFile) {
  write_existing("old contents that are longer\n");
  ASSERT_TRUE(write_file_atomically(target_, write_new, error_)) << error_;
  EXPECT_EQ(read_file(target_), "new\n");
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

// Past a few MiB the writer hands written ranges to the disk as it goes
// (sync_file_range); the file must still be every byte, in order, from
// small and large pieces alike.
TEST_F(AtomicFile, LargeFileWrittenInPiecesOfEverySizeIsWhole) {
  std::string expected;
  auto write_large = [&](std::ostream& out) {
    for (int i = 0; expected.size() < (40u << 20); ++i) {
      std::string piece(static_cast<std::size_t>(i * 7919 % 200000), static_cast<char>('a' + i % 26));
      piece += std::to_string(i) + "\n";
      out << piece;
      expected += piece;
    }
  };
  ASSERT_TRUE(write_file_atomically(target_, write_large, error_)) << error_;
  const std::string got = read_file(target_);
  ASSERT_EQ(got.size(), expected.size());
  EXPECT_TRUE(got == expected);
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

TEST_F(AtomicFile, NewFileGetsTheModeTheUmaskAllows) {
  const mode_t previous = ::umask(022);
  const bool ok = write_file_atomically(target_, write_new, error_);
  ::umask(previous);
  ASSERT_TRUE(ok) << error_;
  struct stat st {};
  ASSERT_EQ(::stat(target_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(AtomicFile, ReplacedFileKeepsItsMode) {
  write_existing("old");
  ASSERT_EQ(::chmod(target_.c_str(), 0640), 0);
  ASSERT_TRUE(write_file_atomically(target_, write_new, error_)) << error_;
  struct stat st {};
  ASSERT_EQ(::stat(target_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST_F(AtomicFile, WriterThatSetsBadbitLeavesTheOldFileWhole) {
  write_existing("old\n");
  const bool ok = write_file_atomically(
      target_,
      [](std::ostream& out) {
        out << "partial";
        out.setstate(std::ios::badbit);
      },
      error_);
  EXPECT_FALSE(ok);
  EXPECT_NE(error_.find("cannot write '" + target_ + "'"), std::string::npos) << error_;
  EXPECT_EQ(read_file(target_), "old\n");
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

TEST_F(AtomicFile, WriterThatThrowsLeavesTheOldFileWholeAndTheExceptionPasses) {
  write_existing("old\n");
  auto throwing = [](std::ostream& out) {
    out << "partial";
    throw std::runtime_error("writer failed");
  };
  EXPECT_THROW(write_file_atomically(target_, throwing, error_), std::runtime_error);
  EXPECT_EQ(read_file(target_), "old\n");
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

TEST_F(AtomicFile, MissingDirectoryIsReportedWithItsName) {
  const std::string path = (dir_ / "no-such-dir" / "graph.nt").string();
  EXPECT_FALSE(write_file_atomically(path, write_new, error_));
  EXPECT_NE(error_.find((dir_ / "no-such-dir").string()), std::string::npos) << error_;
  EXPECT_NE(error_.find("No such file or directory"), std::string::npos) << error_;
}

// Root ignores permission bits, so as root the attempt runs as user "nobody".
TEST_F(AtomicFile, UnwritableDirectoryFailsAndLeavesTheOldFileWhole) {
  write_existing("old\n");
  ASSERT_EQ(::chmod(target_.c_str(), 0644), 0);
  ASSERT_EQ(::chmod(dir_.c_str(), 0555), 0);
  const passwd* nobody = ::getpwnam("nobody");
  if (::geteuid() == 0 && nobody == nullptr) GTEST_SKIP() << "running as root and there is no user 'nobody' to drop to";
  const int code = exit_code_in_child([&] {
    if (::geteuid() == 0 && ::setuid(nobody->pw_uid) != 0) return 3;
    std::string error;
    if (write_file_atomically(target_, write_new, error)) return 1;
    return error.find("Permission denied") != std::string::npos ? 0 : 2;
  });
  EXPECT_EQ(code, 0) << "1: the write succeeded, 2: wrong message, 3: could not drop to nobody";
  EXPECT_EQ(read_file(target_), "old\n");
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

// A file-size limit makes write(2) fail part-way, as a full disk would.
TEST_F(AtomicFile, WriteRefusedPartWayLeavesTheOldFileWhole) {
  write_existing("old\n");
  const int code = exit_code_in_child([&] {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{64 * 1024, 64 * 1024};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 3;
    std::string error;
    const std::string block(4096, 'x');
    auto big = [&](std::ostream& out) {
      for (int i = 0; i < 1024; ++i) out << block;
    };
    if (write_file_atomically(target_, big, error)) return 1;
    return error.find("File too large") != std::string::npos ? 0 : 2;
  });
  EXPECT_EQ(code, 0) << "1: the write succeeded, 2: wrong message, 3: setrlimit failed";
  EXPECT_EQ(read_file(target_), "old\n");
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

TEST_F(AtomicFile, SymlinkAtTheTargetIsReplacedNotFollowed) {
  const fs::path victim = dir_ / "victim";
  std::ofstream(victim) << "precious\n";
  fs::create_symlink(victim, target_);
  ASSERT_TRUE(write_file_atomically(target_, write_new, error_)) << error_;
  EXPECT_EQ(read_file(victim), "precious\n");
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(target_)));
  EXPECT_EQ(read_file(target_), "new\n");
}

TEST_F(AtomicFile, CharacterDeviceIsWrittenInPlace) {
  ASSERT_TRUE(write_file_atomically("/dev/null", write_new, error_)) << error_;
  EXPECT_TRUE(fs::is_character_file(fs::symlink_status("/dev/null")));
}

TEST_F(AtomicFile, FullDeviceReportsNoSpace) {
  if (!fs::is_character_file("/dev/full")) GTEST_SKIP() << "no /dev/full";
  EXPECT_FALSE(write_file_atomically("/dev/full", write_new, error_));
  EXPECT_EQ(error_, "cannot write '/dev/full': No space left on device");
  EXPECT_TRUE(fs::is_character_file(fs::symlink_status("/dev/full")));
}

TEST_F(AtomicFile, FolderAtTheTargetIsAnError) {
  fs::create_directory(target_);
  EXPECT_FALSE(write_file_atomically(target_, write_new, error_));
  EXPECT_EQ(error_, "cannot write '" + target_ + "': it is a folder");
  EXPECT_TRUE(fs::is_directory(target_));
}

TEST_F(AtomicFile, TemporaryFileIsAHiddenSiblingNamedForItsProcess) {
  std::vector<std::string> during;
  ASSERT_TRUE(write_file_atomically(
      target_,
      [&](std::ostream& out) {
        during = names_in(dir_);
        out << "x";
      },
      error_));
  ASSERT_EQ(during.size(), 1u);
  const std::string prefix = ".graph.nt.notegraph-tmp-" + std::to_string(::getpid()) + "-";
  EXPECT_EQ(during[0].substr(0, prefix.size()), prefix);
  EXPECT_EQ(during[0].size(), prefix.size() + 12);
  EXPECT_TRUE(is_temporary_file_name(during[0]));
  EXPECT_FALSE(is_temporary_file_name("graph.nt"));
  EXPECT_FALSE(is_temporary_file_name(".graph.nt.notegraph-tmp-12-short"));
}

TEST_F(AtomicFile, SetIsReplacedOnlyWhenEveryFileIsWritten) {
  const std::string second = (dir_ / "graph.nq").string();
  write_existing("old nt\n");
  std::ofstream(second) << "old nq\n";
  const bool ok = write_files_atomically(
      {{target_, write_new}, {second, [](std::ostream& out) { out.setstate(std::ios::badbit); }}}, error_);
  EXPECT_FALSE(ok);
  EXPECT_EQ(read_file(target_), "old nt\n");
  EXPECT_EQ(read_file(second), "old nq\n");
  EXPECT_EQ(names_in(dir_), (std::vector<std::string>{"graph.nq", "graph.nt"}));
}

TEST_F(AtomicFile, StagedFileReplacesTheTargetOnlyOnCommit) {
  write_existing("old\n");
  std::vector<StagedFile> staged(1);
  ASSERT_TRUE(staged[0].stage(target_, write_new, error_)) << error_;
  EXPECT_EQ(read_file(target_), "old\n");
  ASSERT_TRUE(commit_staged_files(staged, error_)) << error_;
  EXPECT_EQ(read_file(target_), "new\n");
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

TEST_F(AtomicFile, UncommittedStagedFileLeavesNoTrace) {
  write_existing("old\n");
  {
    StagedFile staged;
    ASSERT_TRUE(staged.stage(target_, write_new, error_)) << error_;
  }
  EXPECT_EQ(read_file(target_), "old\n");
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

TEST_F(AtomicFile, BegunFileIsWrittenInPiecesAndReplacesTheTargetOnCommit) {
  write_existing("old\n");
  std::vector<StagedFile> staged(1);
  ASSERT_TRUE(staged[0].begin(target_, error_)) << error_;
  staged[0].out() << "first ";
  EXPECT_EQ(read_file(target_), "old\n");
  staged[0].out() << std::string(200000, 'x') << "\n";
  ASSERT_TRUE(staged[0].end(error_)) << error_;
  EXPECT_EQ(names_in(dir_).size(), 2u);  // the target and the synced temporary file
  ASSERT_TRUE(commit_staged_files(staged, error_)) << error_;
  EXPECT_EQ(read_file(target_), "first " + std::string(200000, 'x') + "\n");
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

TEST_F(AtomicFile, DiscardedOrAbandonedBegunFileLeavesNoTrace) {
  write_existing("old\n");
  {
    StagedFile staged;
    ASSERT_TRUE(staged.begin(target_, error_)) << error_;
    staged.out() << "partial";
    staged.discard();
    EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
    ASSERT_TRUE(staged.begin(target_, error_)) << error_;  // begun again after a discard
    staged.out() << "partial";
  }  // abandoned unfinished
  EXPECT_EQ(read_file(target_), "old\n");
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{"graph.nt"});
}

TEST_F(AtomicFile, BegunStreamReportsAFailedWriteAtTheEnd) {
  if (!fs::is_character_file("/dev/full")) GTEST_SKIP() << "no /dev/full";
  StagedFile staged;
  ASSERT_TRUE(staged.begin("/dev/full", error_)) << error_;
  staged.out() << std::string(1 << 20, 'x');
  EXPECT_FALSE(staged.end(error_));
  EXPECT_EQ(error_, "cannot write '/dev/full': No space left on device");
}

TEST_F(AtomicFile, TemporaryFilesOfDeadProcessesAreRemoved) {
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  const std::string stale = ".graph.nt.notegraph-tmp-" + std::to_string(dead) + "-abcdefABCDEF";
  const std::string live = ".graph.nt.notegraph-tmp-" + std::to_string(::getppid()) + "-abcdefABCDEF";
  std::ofstream(dir_ / stale) << "partial";
  std::ofstream(dir_ / live) << "partial";
  remove_stale_temporary_files(dir_.string());
  EXPECT_EQ(names_in(dir_), std::vector<std::string>{live});
}

}  // namespace
}  // namespace ng::exporters
