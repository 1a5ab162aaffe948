// Formats the subject groups into a body while noting the prefixes it uses,
// then writes the @prefix lines and the body.
#include "exporters/turtle_writer.hpp"

#include <utf8proc.h>

#include <set>

#include "exporters/ntriples_term.hpp"
#include "exporters/prefixes.hpp"
#include "exporters/rdf_subjects.hpp"
#include "exporters/text.hpp"
#include "model/vocab.hpp"

namespace ng::exporters {
namespace {

bool pn_chars_base(utf8proc_int32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

// A conservative PN_LOCAL: no '.', ':', '%' or escapes, which the grammar
// allows but readers disagree on.
bool valid_local(std::string_view s) {
  if (s.empty())
    return false;
  bool first = true;
  for (std::size_t i = 0; i < s.size();) {
    utf8proc_int32_t c = 0;
    const auto n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t *>(s.data() + i),
        static_cast<utf8proc_ssize_t>(s.size() - i), &c);
    if (n <= 0)
      return false;
    i += static_cast<std::size_t>(n);
    const bool start = pn_chars_base(c) || c == '_' || (c >= '0' && c <= '9');
    const bool rest = c == '-' || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
                      (c >= 0x203F && c <= 0x2040);
    if (!(start || (!first && rest)))
      return false;
    first = false;
  }
  return true;
}

class TurtleWriter {
public:
  TurtleWriter(const store::TripleStore &store, const TurtleOptions &options)
      : dict_(store.dictionary()), store_(store),
        prefixes_(standard_prefixes(options.base)) {}

  void write(std::ostream &out) {
    std::string body;
    const auto type = dict_.find_iri(vocab::rdf_type);
    for (const auto &s : group_by_subject(store_)) {
      body += '\n';
      term(body, s.subject);
      for (std::size_t i = 0; i < s.predicates.size(); ++i) {
        const auto &po = s.predicates[i];
        body += i == 0 ? " " : " ;\n    ";
        if (type && po.predicate == *type)
          body += 'a';
        else
          term(body, po.predicate);
        for (std::size_t j = 0; j < po.objects.size(); ++j) {
          body += j == 0 ? " " : ",\n        ";
          term(body, po.objects[j]);
        }
      }
      body += " .\n";
    }
    for (const auto &p : prefixes_)
      if (used_.count(p.name)) {
        std::string line = "@prefix " + p.name + ": ";
        append_ntriples_iri(line, p.iri);
        out << line << " .\n";
      }
    out << body;
  }

private:
  void iri(std::string &out, const std::string &text) {
    if (const Prefix *p = prefix_of(prefixes_, text)) {
      const std::string_view rest =
          std::string_view(text).substr(p->iri.size());
      if (valid_local(rest)) {
        used_.insert(p->name);
        out += p->name;
        out += ':';
        out += rest;
        return;
      }
    }
    append_ntriples_iri(out, text);
  }

  void term(std::string &out, store::TermId id) {
    model::TermView t = dict_.term(id);
    switch (t.kind) {
    case model::TermKind::iri:
      iri(out, nfc(t.value));
      break;
    case model::TermKind::blank:
      append_ntriples_blank_node(out, t.value);
      break;
    case model::TermKind::literal: {
      model::Term text = t.to_term();
      text.value = nfc(t.value);
      text.datatype.clear();
      if (t.datatype == vocab::xsd_string)
        text.language.clear();
      append_ntriples_literal(out, text);
      if (!t.datatype.empty() && t.datatype != vocab::xsd_string) {
        out += "^^";
        iri(out, nfc(t.datatype));
      }
      break;
    }
    }
  }

  const store::Dictionary &dict_;
  const store::TripleStore &store_;
  std::vector<Prefix> prefixes_;
  std::set<std::string> used_;
};

} // namespace

void write_turtle(const store::TripleStore &store, std::ostream &out,
                  const TurtleOptions &options) {
  TurtleWriter(store, options).write(out);
}

} // namespace ng::exporters
