// Builds the @context from the properties in use, then writes one node
// object per subject with RapidJSON's PrettyWriter.
#include "exporters/jsonld_writer.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "exporters/ntriples_term.hpp"
#include "exporters/prefixes.hpp"
#include "exporters/rdf_subjects.hpp"
#include "exporters/text.hpp"
#include "model/vocab.hpp"

namespace ng::exporters {
namespace {

using model::Term;
using model::TermKind;
using store::TermId;
using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

struct PropertyTerm {
  std::string
      key; // the JSON key: a term, or the full IRI when no term could be made
  std::string coercion; // "@id", a datatype (compacted), or empty
};

bool simple_term(std::string_view s) {
  if (s.empty() || s[0] == '@')
    return false;
  for (unsigned char c : s)
    if (!(std::isalnum(c) || c == '_' || c == '-'))
      return false;
  return true;
}

bool plain_string(model::TermView t) {
  return t.kind == TermKind::literal && t.language.empty() &&
         (t.datatype.empty() || t.datatype == vocab::xsd_string);
}

class JsonLdWriter {
public:
  JsonLdWriter(const store::TripleStore &store, const JsonLdOptions &options)
      : store_(store), dict_(store.dictionary()), options_(options),
        prefixes_(standard_prefixes(options.base)) {}

  void write(std::ostream &out) {
    const auto subjects = group_by_subject(store_);
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.SetIndent(' ', 2);
    if (options_.form == JsonLdForm::expanded) {
      w.StartArray();
      for (const auto &s : subjects)
        expanded_node(w, s);
      w.EndArray();
    } else {
      plan_context(subjects);
      w.StartObject();
      w.Key("@context");
      context(w);
      w.Key("@graph");
      w.StartArray();
      if (options_.form == JsonLdForm::services) {
        std::unordered_map<TermId, const SubjectStatements *> by_id;
        for (const auto &s : subjects)
          by_id[s.subject] = &s;
        for (const auto &s : subjects)
          if (is_service(s))
            compacted_node(w, s, &by_id);
      } else {
        for (const auto &s : subjects)
          compacted_node(w, s, nullptr);
      }
      w.EndArray();
      w.EndObject();
    }
    out.write(buffer.GetString(),
              static_cast<std::streamsize>(buffer.GetSize()));
    out << '\n';
  }

private:
  // A compact IRI when a prefix applies and the rest cannot be misread.
  std::string compact(std::string_view iri) {
    const std::string text = nfc(iri);
    if (const Prefix *p = prefix_of(prefixes_, text)) {
      const std::string rest = text.substr(p->iri.size());
      if (!rest.starts_with("//")) {
        used_prefixes_.insert(p->name);
        return p->name + ":" + rest;
      }
    }
    return text;
  }

  std::string node_id(TermId id) {
    model::TermView t = dict_.term(id);
    if (t.kind == TermKind::blank) {
      std::string label;
      append_ntriples_blank_node(label, t.value);
      return label;
    }
    return compact(t.value);
  }

  static void string(Writer &w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  }

  bool is_service(const SubjectStatements &s) const {
    const auto type = dict_.find_iri(vocab::rdf_type);
    const auto service = dict_.find_iri(vocab::ng_Service);
    if (!type || !service)
      return false;
    for (const auto &po : s.predicates)
      if (po.predicate == *type &&
          std::find(po.objects.begin(), po.objects.end(), *service) !=
              po.objects.end())
        return true;
    return false;
  }

  void plan_context(const std::vector<SubjectStatements> &subjects) {
    const auto type = dict_.find_iri(vocab::rdf_type);
    std::map<TermId, std::set<std::string>>
        kinds; // "@id", a datatype IRI, or "" for others
    for (const auto &s : subjects)
      for (const auto &po : s.predicates) {
        if (type && po.predicate == *type)
          continue;
        for (TermId o : po.objects) {
          model::TermView t = dict_.term(o);
          kinds[po.predicate].insert(
              t.kind != TermKind::literal ? std::string("@id")
              : t.language.empty() && !t.datatype.empty() &&
                      t.datatype != vocab::xsd_string
                  ? std::string(t.datatype)
                  : std::string());
        }
      }
    // Every IRI written is compacted now, so the context lists exactly the
    // prefixes in use.
    for (const auto &s : subjects) {
      node_id(s.subject);
      for (const auto &po : s.predicates) {
        compact(dict_.term(po.predicate).value);
        for (TermId o : po.objects) {
          model::TermView t = dict_.term(o);
          if (t.kind == TermKind::iri)
            compact(t.value);
          if (t.kind == TermKind::literal && !t.datatype.empty())
            compact(t.datatype);
        }
      }
    }
    std::map<std::string, int> uses;
    for (const auto &[p, k] : kinds)
      ++uses[std::string(local_name(dict_.term(p).value))];
    std::set<std::string> prefix_names;
    for (const auto &p : prefixes_)
      prefix_names.insert(p.name);
    for (const auto &[p, k] : kinds) {
      const std::string iri = nfc(dict_.term(p).value);
      const std::string local(local_name(iri));
      PropertyTerm term;
      if (simple_term(local) && uses[local] == 1 &&
          !prefix_names.count(local)) {
        term.key = local;
      } else {
        const std::string c = compact(iri);
        term.key = c != iri && simple_term(c.substr(c.find(':') + 1)) ? c : iri;
      }
      if (k.size() == 1 && !k.begin()->empty())
        term.coercion = *k.begin() == "@id" ? "@id" : compact(*k.begin());
      properties_[p] = term;
    }
  }

  void context(Writer &w) {
    w.StartObject();
    for (const auto &p : prefixes_)
      if (used_prefixes_.count(p.name)) {
        string(w, p.name);
        string(w, p.iri);
      }
    std::vector<std::pair<std::string, TermId>> sorted;
    for (const auto &[p, term] : properties_)
      sorted.emplace_back(term.key, p);
    std::sort(sorted.begin(), sorted.end());
    for (const auto &[key, p] : sorted) {
      if (key == nfc(dict_.term(p).value))
        continue; // a full IRI needs no definition
      string(w, key);
      w.StartObject();
      w.Key("@id");
      string(w, compact(dict_.term(p).value));
      if (!properties_[p].coercion.empty()) {
        w.Key("@type");
        string(w, properties_[p].coercion);
      }
      w.EndObject();
    }
    w.EndObject();
  }

  void compacted_value(
      Writer &w, TermId o, const PropertyTerm &term,
      const std::unordered_map<TermId, const SubjectStatements *> *embed) {
    model::TermView t = dict_.term(o);
    if (t.kind != TermKind::literal) {
      if (embed) {
        if (auto it = embed->find(o); it != embed->end()) {
          compacted_node(w, *it->second, nullptr);
          return;
        }
      }
      if (term.coercion == "@id") {
        string(w, node_id(o));
      } else {
        w.StartObject();
        w.Key("@id");
        string(w, node_id(o));
        w.EndObject();
      }
      return;
    }
    const std::string value = nfc(t.value);
    if (!term.coercion.empty() || plain_string(t)) {
      string(w, value);
      return;
    }
    w.StartObject();
    w.Key("@value");
    string(w, value);
    if (!t.language.empty()) {
      w.Key("@language");
      string(w, t.language);
    } else {
      w.Key("@type");
      string(w, compact(t.datatype));
    }
    w.EndObject();
  }

  // `embed`: the categories to nest (services form), or nullptr.
  void compacted_node(
      Writer &w, const SubjectStatements &s,
      const std::unordered_map<TermId, const SubjectStatements *> *embed) {
    const auto type = dict_.find_iri(vocab::rdf_type);
    const auto category = dict_.find_iri(vocab::ng_category);
    w.StartObject();
    w.Key("@id");
    string(w, node_id(s.subject));
    std::vector<std::pair<std::string, const PredicateObjects *>> sorted;
    for (const auto &po : s.predicates) {
      if (type && po.predicate == *type) {
        w.Key("@type");
        if (po.objects.size() > 1)
          w.StartArray();
        for (TermId o : po.objects)
          string(w, node_id(o));
        if (po.objects.size() > 1)
          w.EndArray();
      } else {
        sorted.emplace_back(properties_[po.predicate].key, &po);
      }
    }
    std::sort(sorted.begin(), sorted.end());
    for (const auto &[key, po] : sorted) {
      const PropertyTerm &term = properties_[po->predicate];
      string(w, key);
      const bool nest = embed && category && po->predicate == *category;
      if (po->objects.size() > 1)
        w.StartArray();
      for (TermId o : po->objects)
        compacted_value(w, o, term, nest ? embed : nullptr);
      if (po->objects.size() > 1)
        w.EndArray();
    }
    w.EndObject();
  }

  void expanded_node(Writer &w, const SubjectStatements &s) {
    const auto type = dict_.find_iri(vocab::rdf_type);
    w.StartObject();
    w.Key("@id");
    model::TermView subject = dict_.term(s.subject);
    string(w, subject.kind == TermKind::blank ? node_id(s.subject)
                                              : nfc(subject.value));
    for (const auto &po : s.predicates) {
      const bool is_type = type && po.predicate == *type;
      std::vector<TermId> literals;
      if (is_type) {
        std::vector<TermId> classes;
        for (TermId o : po.objects)
          (dict_.term(o).kind == TermKind::literal ? literals : classes)
              .push_back(o);
        if (!classes.empty()) {
          w.Key("@type");
          w.StartArray();
          for (TermId o : classes)
            expanded_id(w, o, false);
          w.EndArray();
        }
        if (literals.empty())
          continue;
      }
      string(w, nfc(dict_.term(po.predicate).value));
      w.StartArray();
      for (TermId o : is_type ? literals : po.objects)
        expanded_id(w, o, true);
      w.EndArray();
    }
    w.EndObject();
  }

  void expanded_id(Writer &w, TermId o, bool as_object) {
    model::TermView t = dict_.term(o);
    const std::string id =
        t.kind == TermKind::blank ? node_id(o) : nfc(t.value);
    if (t.kind != TermKind::literal && !as_object) {
      string(w, id);
      return;
    }
    w.StartObject();
    if (t.kind != TermKind::literal) {
      w.Key("@id");
      string(w, id);
    } else {
      w.Key("@value");
      string(w, nfc(t.value));
      if (!t.language.empty()) {
        w.Key("@language");
        string(w, t.language);
      } else if (!plain_string(t)) {
        w.Key("@type");
        string(w, nfc(t.datatype));
      }
    }
    w.EndObject();
  }

  const store::TripleStore &store_;
  const store::Dictionary &dict_;
  const JsonLdOptions &options_;
  std::vector<Prefix> prefixes_;
  std::set<std::string> used_prefixes_;
  std::map<TermId, PropertyTerm> properties_;
};

} // namespace

void write_jsonld(const store::TripleStore &store, std::ostream &out,
                  const JsonLdOptions &options) {
  JsonLdWriter(store, options).write(out);
}

} // namespace ng::exporters
