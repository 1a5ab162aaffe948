// Replacing a file so that readers see either the old contents or the new,
// never a partial write: write a temporary file beside it, sync, rename over.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace ng::exporters {

// Runs `write` on a stream into a temporary file in `path`'s directory, then
// moves it over `path`. Returns false with a message naming the file and the
// reason when any step fails; the temporary file is then removed and an
// existing `path` is left as it was. An exception from `write` is passed on,
// after the same clean-up. A new file gets mode 0666 less the umask; a
// replaced file keeps its mode.
bool write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           std::string& error);

}  // namespace ng::exporters
