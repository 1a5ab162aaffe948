// NFC through utf8proc, and the display form of labels.
#include "exporters/text.hpp"

#include <utf8proc.h>

#include <cstdlib>

namespace ng::exporters {

std::string nfc(std::string_view text) {
  bool ascii = true;
  for (unsigned char c : text)
    ascii = ascii && c < 0x80;
  if (ascii)
    return std::string(text);
  utf8proc_uint8_t *out = nullptr;
  const auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t *>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &out,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0)
    return std::string(text);
  std::string result(reinterpret_cast<const char *>(out),
                     static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

std::string display_line(std::string_view text, std::size_t max_chars) {
  const std::string normalized = nfc(text);
  std::string out;
  out.reserve(normalized.size());
  std::size_t chars = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < normalized.size();) {
    utf8proc_int32_t cp = 0;
    auto len = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t *>(normalized.data() + i),
        static_cast<utf8proc_ssize_t>(normalized.size() - i), &cp);
    if (len <= 0) { // invalid byte: replaced, so the output stays valid UTF-8
      cp = 0xFFFD;
      len = 1;
    }
    const bool blank = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
                       cp == 0x2028 || cp == 0x2029 || cp == ' ' ||
                       cp == 0xFFFE || cp == 0xFFFF;
    i += static_cast<std::size_t>(len);
    if (blank) {
      pending_space = !out.empty();
      continue;
    }
    if (max_chars && chars + (pending_space ? 1 : 0) >= max_chars) {
      out += "\xE2\x80\xA6"; // …
      return out;
    }
    if (pending_space) {
      out += ' ';
      ++chars;
      pending_space = false;
    }
    utf8proc_uint8_t buf[4];
    out.append(reinterpret_cast<const char *>(buf),
               static_cast<std::size_t>(utf8proc_encode_char(cp, buf)));
    ++chars;
  }
  return out;
}

std::string_view local_name(std::string_view iri) {
  auto cut = iri.find_last_of('#');
  if (cut == std::string_view::npos)
    cut = iri.find_last_of('/');
  if (cut == std::string_view::npos)
    cut = iri.find_last_of(':');
  return cut == std::string_view::npos ? iri : iri.substr(cut + 1);
}

} // namespace ng::exporters
