// A full disk: on a small tmpfs (mounted by the test; skipped with the reason
// when mounting is not permitted) filled almost to the brim, and on
// /dev/full. Each command exits 1 with an `error:` naming the file and "No
// space left on device", the old outputs stay byte for byte, and no
// temporary file is left.
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <map>

#include "output_test_tools.hpp"

namespace ng::outputs::testing {
namespace {

std::map<std::string, std::string> contents_under(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& name : names_under(dir))
    if (fs::is_regular_file(dir / name)) files[name] = read_file(dir / name);
  return files;
}

class FullDisk : public OutputTest {
 protected:
  void TearDown() override {
    if (mounted_) ::umount2(disk_.c_str(), MNT_DETACH);
    OutputTest::TearDown();
  }

  // Mounts a 1 MiB tmpfs at root_/disk; false (and the reason) when the
  // system does not allow it.
  bool mount_small_disk(std::string& why) {
    disk_ = root_ / "disk";
    fs::create_directories(disk_);
    if (::mount("tmpfs", disk_.c_str(), "tmpfs", 0, "size=1m") != 0) {
      why = std::string("cannot mount a tmpfs (") + std::strerror(errno) + "): needs root or CAP_SYS_ADMIN";
      return false;
    }
    mounted_ = true;
    return true;
  }

  // Leaves `room` bytes free on the disk.
  void fill_disk_leaving(std::size_t room) {
    struct statvfs vfs {};
    ASSERT_EQ(::statvfs(disk_.c_str(), &vfs), 0);
    const std::size_t free_bytes = vfs.f_bavail * vfs.f_frsize;
    ASSERT_GT(free_bytes, room);
    write_file(disk_ / "filler", std::string(free_bytes - room, 'f'));
  }

  // Writes the old outputs with `args_for(small, disk_)`, fills the disk and
  // runs `args_for(big, disk_)`. For a set of files, the disk keeps room for
  // the first file of the set (`first`, its size learnt from a run
  // elsewhere) but not the next one, so a writer that renamed each file as
  // it went would replace the first before failing.
  void expect_full_disk_keeps_old_outputs(
      const std::function<std::vector<std::string>(const fs::path&, const fs::path&)>& args_for,
      const std::string& first, const std::string& file_in_message) {
    const fs::path small = root_ / "small.md", big = NG_TEST_DATA "/aws-overview.ko.md";
    write_file(small, "# AWS 서비스\n\n## Compute\n\n### Amazon EC2 (EC2)\n\nOld.\n");
    std::size_t room = 8 * 1024;
    if (!first.empty()) {
      const fs::path elsewhere = root_ / "elsewhere";
      fs::create_directories(elsewhere);
      const RunResult sizing = run(args_for(big, elsewhere));
      ASSERT_EQ(sizing.code, 0) << sizing.err;
      room = (fs::file_size(elsewhere / first) + 4095) / 4096 * 4096 + 4096;  // tmpfs counts whole pages
    }
    const RunResult old_run = run(args_for(small, disk_));
    ASSERT_EQ(old_run.code, 0) << old_run.err;
    fill_disk_leaving(room);
    const auto before = contents_under(disk_);

    const RunResult r = run(args_for(big, disk_));
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_NE(r.err.find("error:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(file_in_message), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
    EXPECT_EQ(contents_under(disk_), before) << "an old output changed or a temporary file was left";
  }

  fs::path disk_;
  bool mounted_ = false;
};

TEST_F(FullDisk, BuildOnAFullTmpfsFailsAndKeepsBothOldFiles) {
  std::string why;
  if (!mount_small_disk(why)) GTEST_SKIP() << why;
  expect_full_disk_keeps_old_outputs(
      [](const fs::path& in, const fs::path& dir) {
        return std::vector<std::string>{"build", "-o", dir.string(), in.string()};
      },
      "graph.nt", (disk_ / "graph.n").string());
}

TEST_F(FullDisk, CsvExportOnAFullTmpfsFailsAndKeepsTheOldFolder) {
  std::string why;
  if (!mount_small_disk(why)) GTEST_SKIP() << why;
  expect_full_disk_keeps_old_outputs(
      [](const fs::path& in, const fs::path& dir) {
        return std::vector<std::string>{"export", "-f", "neptune-gremlin", "-o", (dir / "pg").string(), in.string()};
      },
      "pg/nodes.csv", (disk_ / "pg/relationships.csv").string());
}

TEST_F(FullDisk, SplitExportOnAFullTmpfsFailsAndKeepsTheOldParts) {
  std::string why;
  if (!mount_small_disk(why)) GTEST_SKIP() << why;
  expect_full_disk_keeps_old_outputs(
      [](const fs::path& in, const fs::path& dir) {
        return std::vector<std::string>{"export",   "-f", "nq", "--split", "400", "-o", (dir / "graph.nq").string(),
                                        in.string()};
      },
      "graph.0001.nq", (disk_ / "graph.0002.nq").string());
}

TEST_F(FullDisk, DiagramOnAFullTmpfsFailsAndKeepsTheOldPicture) {
  std::string why;
  if (!mount_small_disk(why)) GTEST_SKIP() << why;
  expect_full_disk_keeps_old_outputs(
      [](const fs::path& in, const fs::path& dir) {
        return std::vector<std::string>{"diagram", "-o", (dir / "services.svg").string(), in.string()};
      },
      "", (disk_ / "services.svg").string());
}

// /dev/full is a stream: written in place (never replaced by a rename,
// which as root would swap the device for a file), and its error reported.
TEST_F(FullDisk, ExportToDevFullFailsAndLeavesTheDevice) {
  struct stat st {};
  if (::stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode)) GTEST_SKIP() << "no /dev/full character device";
  for (const std::string format : {"nt", "ttl", "graphml"}) {
    const RunResult r = run({"export", "-f", format, "-o", "/dev/full", NG_TEST_DATA "/aws-overview.ko.md"});
    EXPECT_EQ(r.code, 1) << format << ": " << r.err;
    EXPECT_NE(r.err.find("error: cannot write '/dev/full': No space left on device"), std::string::npos) << r.err;
  }
  const RunResult d = run({"diagram", "-T", "svg", "-o", "/dev/full", NG_TEST_DATA "/aws-overview.ko.md"});
  EXPECT_EQ(d.code, 1) << d.err;
  EXPECT_NE(d.err.find("No space left on device"), std::string::npos) << d.err;
  ASSERT_EQ(::stat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/full was replaced";
  for (const auto& entry : fs::directory_iterator("/dev"))
    EXPECT_EQ(entry.path().filename().string().find("notegraph-tmp"), std::string::npos) << entry.path();
}

// /dev/null takes everything: the command succeeds and the device stays.
TEST_F(FullDisk, ExportToDevNullSucceedsAndLeavesTheDevice) {
  const RunResult r = run({"export", "-f", "nt", "-o", "/dev/null", NG_TEST_DATA "/aws-overview.ko.md"});
  EXPECT_EQ(r.code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/null was replaced";
}

}  // namespace
}  // namespace ng::outputs::testing
