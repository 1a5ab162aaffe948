// RFC 3986 section 5.2.2 (transform references) and 5.2.4 (remove dot
// segments) over string_views; components are split once per call.
#include "rdfio/iri_resolver.hpp"

#include "rdfio/lexical.hpp"

namespace ng::rdfio {
namespace {

struct IriParts {
  std::string_view scheme;  // without ':'
  std::string_view authority;
  std::string_view path;
  std::string_view query;     // without '?'
  std::string_view fragment;  // without '#'
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

IriParts split(std::string_view iri) {
  IriParts parts;
  if (lexical::has_scheme(iri)) {
    const std::size_t colon = iri.find(':');
    parts.scheme = iri.substr(0, colon);
    parts.has_scheme = true;
    iri.remove_prefix(colon + 1);
  }
  if (const std::size_t hash = iri.find('#'); hash != std::string_view::npos) {
    parts.fragment = iri.substr(hash + 1);
    parts.has_fragment = true;
    iri = iri.substr(0, hash);
  }
  if (const std::size_t question = iri.find('?'); question != std::string_view::npos) {
    parts.query = iri.substr(question + 1);
    parts.has_query = true;
    iri = iri.substr(0, question);
  }
  if (iri.substr(0, 2) == "//") {
    iri.remove_prefix(2);
    const std::size_t slash = iri.find('/');
    parts.authority = iri.substr(0, slash);
    parts.has_authority = true;
    iri = slash == std::string_view::npos ? std::string_view{} : iri.substr(slash);
  }
  parts.path = iri;
  return parts;
}

// Appends `path` with "." and ".." segments removed (RFC 3986 5.2.4).
void append_without_dot_segments(std::string &out, std::string_view path) {
  std::string result;
  while (!path.empty()) {
    if (path.substr(0, 3) == "../") {
      path.remove_prefix(3);
    } else if (path.substr(0, 2) == "./") {
      path.remove_prefix(2);
    } else if (path.substr(0, 3) == "/./") {
      path.remove_prefix(2);
    } else if (path == "/.") {
      path = "/";
    } else if (path.substr(0, 4) == "/../" || path == "/..") {
      path = path.size() == 3 ? std::string_view("/") : path.substr(3);
      const std::size_t last = result.rfind('/');
      result.resize(last == std::string::npos ? 0 : last);
    } else if (path == "." || path == "..") {
      path = {};
    } else {
      const std::size_t next = path.find('/', 1);
      const std::size_t length = next == std::string_view::npos ? path.size() : next;
      result.append(path.substr(0, length));
      path.remove_prefix(length);
    }
  }
  out += result;
}

}  // namespace

void resolve_iri(std::string_view base, std::string_view reference, std::string &out) {
  out.clear();
  if (base.empty() || lexical::has_scheme(reference)) {
    out.assign(reference);
    return;
  }
  const IriParts r = split(reference);
  const IriParts b = split(base);
  out.append(b.scheme).append(":");
  if (r.has_authority) {
    out.append("//").append(r.authority);
    append_without_dot_segments(out, r.path);
    if (r.has_query) out.append("?").append(r.query);
  } else {
    if (b.has_authority) out.append("//").append(b.authority);
    if (r.path.empty()) {
      out.append(b.path);
      if (r.has_query) {
        out.append("?").append(r.query);
      } else if (b.has_query) {
        out.append("?").append(b.query);
      }
    } else {
      if (r.path.front() == '/') {
        append_without_dot_segments(out, r.path);
      } else {
        std::string merged;
        if (b.has_authority && b.path.empty()) {
          merged = "/";
        } else {
          const std::size_t slash = b.path.rfind('/');
          if (slash != std::string_view::npos) merged.assign(b.path.substr(0, slash + 1));
        }
        merged.append(r.path);
        append_without_dot_segments(out, merged);
      }
      if (r.has_query) out.append("?").append(r.query);
    }
  }
  if (r.has_fragment) out.append("#").append(r.fragment);
}

}  // namespace ng::rdfio
