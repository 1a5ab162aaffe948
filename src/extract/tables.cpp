// Line-based readers for the extraction tables. Each malformed line is an
// error at its line and column; the rest of the table still loads.
#include "extract/tables.hpp"

#include <cctype>
#include <charconv>

#include "model/vocab.hpp"

namespace ng::extract {

namespace {

struct Line {
  std::string_view text;
  std::uint32_t number;
};

template <class F>
void for_each_line(std::string_view text, F&& f) {
  std::uint32_t number = 0;
  while (!text.empty()) {
    ++number;
    auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    f(Line{line, number});
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::uint32_t column_of(std::string_view line, std::string_view part) {
  std::uint32_t col = 1;
  for (const char* p = line.data(); p < part.data() && p < line.data() + line.size(); ++p)
    if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++col;
  return col;
}

// Splits "a b="c d" e" into words, keeping quoted values together.
std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i >= s.size()) break;
    std::size_t start = i;
    bool quoted = false;
    while (i < s.size() && (quoted || (s[i] != ' ' && s[i] != '\t'))) {
      if (s[i] == '"') quoted = !quoted;
      ++i;
    }
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string unquote(std::string_view v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  return std::string(v);
}

bool split_tab(std::string_view line, std::string_view& left, std::string_view& right) {
  auto tab = line.find('\t');
  if (tab == std::string_view::npos) return false;
  left = trim(line.substr(0, tab));
  right = trim(line.substr(tab + 1));
  return !left.empty() && !right.empty();
}

}  // namespace

std::string expand_prefixed_name(std::string_view name) {
  if (name.size() >= 2 && name.front() == '<' && name.back() == '>') {
    std::string_view iri = name.substr(1, name.size() - 2);
    if (iri.find(':') == std::string_view::npos) return {};
    for (char c : iri)
      if (static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == '"') return {};
    return std::string(iri);
  }
  struct Prefix {
    std::string_view name, ns;
  };
  static constexpr Prefix prefixes[] = {{"ng", vocab::ng},     {"rdf", vocab::rdf},         {"rdfs", vocab::rdfs},
                                        {"skos", vocab::skos}, {"dcterms", vocab::dcterms}, {"field", vocab::field},
                                        {"xsd", vocab::xsd}};
  auto colon = name.find(':');
  if (colon == std::string_view::npos || colon + 1 >= name.size()) return {};
  std::string_view local = name.substr(colon + 1);
  for (char c : local)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) return {};
  for (const auto& p : prefixes)
    if (p.name == name.substr(0, colon)) return std::string(p.ns) + std::string(local);
  return {};
}

void parse_class_rules(std::string_view text, const std::string& file, Tables& into, diag::Diagnostics& diags) {
  for_each_line(text, [&](const Line& line) {
    auto words = words_of(line.text);
    auto error = [&](std::string_view at, std::string message) {
      diags.error("bad-rule", file, {line.number, column_of(line.text, at)}, std::move(message));
    };
    auto iri_of = [&](std::string_view w) {
      std::string iri = expand_prefixed_name(w);
      if (iri.empty())
        error(w, "expected a class or property such as ng:Service or <https://...>, found '" + std::string(w) + "'");
      return iri;
    };
    std::string_view verb = words[0];
    if (verb == "class") {
      if (words.size() < 2) return error(verb, "'class' needs a class name");
      ClassRule rule;
      rule.class_iri = iri_of(words[1]);
      if (rule.class_iri.empty()) return;
      for (std::size_t i = 2; i < words.size(); ++i) {
        std::string_view w = words[i];
        auto eq = w.find('=');
        if (eq == std::string_view::npos) return error(w, "expected CONDITION=VALUE, found '" + std::string(w) + "'");
        std::string_view key = w.substr(0, eq), value = w.substr(eq + 1);
        ClassCondition c;
        if (key == "level") {
          c.kind = ClassCondition::Kind::level;
          auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), c.level);
          if (ec != std::errc{} || p != value.data() + value.size() || c.level < 1 || c.level > 6)
            return error(value, "level must be a number from 1 to 6");
        } else if (key == "within" || key == "parent") {
          c.kind = key == "within" ? ClassCondition::Kind::within : ClassCondition::Kind::parent;
          c.text = unquote(value);
        } else if (key == "holds") {
          c.kind = ClassCondition::Kind::holds;
          c.text = iri_of(value);
          if (c.text.empty()) return;
        } else {
          return error(w, "unknown condition '" + std::string(key) + "' (expected level, within, parent or holds)");
        }
        rule.conditions.push_back(std::move(c));
      }
      into.class_rules.push_back(std::move(rule));
    } else if (verb == "link") {
      if (words.size() != 4) return error(verb, "'link' takes PROPERTY FROM-CLASS TO-CLASS");
      LinkRule rule{iri_of(words[1]), iri_of(words[2]), iri_of(words[3])};
      if (rule.property_iri.empty() || rule.from_class_iri.empty() || rule.to_class_iri.empty()) return;
      into.link_rules.push_back(std::move(rule));
    } else if (verb == "no-mention") {
      if (words.size() != 2) return error(verb, "'no-mention' takes one class");
      std::string iri = iri_of(words[1]);
      if (!iri.empty()) into.no_mention_classes.push_back(std::move(iri));
    } else {
      error(verb, "unknown rule '" + std::string(verb) + "' (expected class, link or no-mention)");
    }
  });
}

void parse_aliases(std::string_view text, const std::string& file, Tables& into, diag::Diagnostics& diags) {
  for_each_line(text, [&](const Line& line) {
    std::string_view left, right;
    if (!split_tab(line.text, left, right)) {
      diags.error("bad-alias", file, {line.number, 1}, "expected ALIAS<TAB>NAME");
      return;
    }
    if (left == "@vendor")
      into.vendor_prefixes.emplace_back(right);
    else
      into.aliases.push_back({std::string(left), std::string(right), file, line.number});
  });
}

void parse_relation_cues(std::string_view text, const std::string& file, Tables& into, diag::Diagnostics& diags) {
  for_each_line(text, [&](const Line& line) {
    std::string_view left, right;
    if (!split_tab(line.text, left, right)) {
      diags.error("bad-cue", file, {line.number, 1}, "expected CUE<TAB>PROPERTY");
      return;
    }
    std::string iri = expand_prefixed_name(right);
    if (iri.empty()) {
      diags.error("bad-cue", file, {line.number, column_of(line.text, right)},
                  "expected a property such as ng:integratesWith, found '" + std::string(right) + "'");
      return;
    }
    into.cues.push_back({std::string(left), std::move(iri)});
  });
}

}  // namespace ng::extract
