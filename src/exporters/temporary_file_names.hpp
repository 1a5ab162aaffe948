// The temporary files an output is written to before it is renamed into
// place: `.NAME.notegraph-tmp-PID-RANDOM` beside the target, created with
// O_EXCL, and the clean-up of those that a killed run left behind.
#pragma once

#include <string>

namespace ng::exporters {

// Creates a new temporary file beside `target` (O_EXCL, mode 0666 less the
// umask) and returns its descriptor, with its path in `temp_path`; -1 with
// errno set on failure.
int create_temporary_file(const std::string& target, std::string& temp_path);

// Removes, once per process and folder, the temporary files in `dir` whose
// process is gone (killed before it renamed them). Files of running processes
// (or of a process id that has since been reused) are left alone. A writer in
// another PID namespace sharing the folder looks gone: its rename then fails
// and is reported, and no output is damaged.
void remove_stale_temporary_files(const std::string& dir);

// Whether `name` (a file name, no folder) is one of these temporary files.
bool is_temporary_file_name(const std::string& name);

}  // namespace ng::exporters
