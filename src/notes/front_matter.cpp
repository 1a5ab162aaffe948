// Front matter reading: finds the closing line first (so an unclosed block
// costs one scan and nothing else), then reads the lines between as the small
// YAML subset notes use; nested maps and other YAML are skipped.
#include "notes/front_matter.hpp"

#include <algorithm>
#include <optional>

#include "notes/line_syntax.hpp"

namespace ng::notes {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

class FrontMatterParser {
public:
  FrontMatterParser(std::string_view input, BlockBuilder& builder, Document& doc)
      : input_(input), builder_(builder), doc_(doc) {}

  void line(const Line& l) {
    std::string_view raw = input_.substr(l.begin, l.end - l.begin);
    if (block_scalar_ && (trim(raw).empty() || is_blank(raw[0]))) {
      append_scalar_line(raw);
      return;
    }
    end_block_scalar();
    std::string_view t = trim(raw);
    if (t.empty() || t[0] == '#') return;
    std::string_view item;
    if (awaiting_list_ && syntax::front_matter_item(t, item)) {
      FrontMatterEntry& e = doc_.front_matter.back();
      e.is_list = true;
      e.values.push_back(unquote(item));
      return;
    }
    awaiting_list_ = false;
    syntax::KeyValue kv;
    if (!syntax::front_matter_entry(raw, kv)) return;  // nested maps and the like
    FrontMatterEntry e;
    e.key = builder_.store(kv.key);
    e.where = builder_.position(l, l.begin);
    std::string_view v = kv.value;
    if (v.empty()) {
      awaiting_list_ = true;
    } else if (v[0] == '[' && syntax::front_matter_flow_list(v, items_)) {
      e.is_list = true;
      for (std::string_view item_text : items_) e.values.push_back(unquote(item_text));
    } else if (v[0] == '|' || v[0] == '>') {
      block_scalar_ = true;
      fold_ = v[0] == '>';
      scalar_.clear();
      scalar_indent_.reset();
    } else {
      e.values.push_back(unquote(v));
    }
    doc_.front_matter.push_back(std::move(e));
  }

  void end_block_scalar() {
    if (!block_scalar_) return;
    block_scalar_ = false;
    while (!scalar_.empty() && (scalar_.back() == '\n' || scalar_.back() == ' ')) scalar_.pop_back();
    doc_.front_matter.back().values.push_back(builder_.store(scalar_));
  }

private:
  void append_scalar_line(std::string_view raw) {
    std::size_t indent = 0;
    while (indent < raw.size() && is_blank(raw[indent])) ++indent;
    if (indent == raw.size()) {
      scalar_ += '\n';
      return;
    }
    if (!scalar_indent_) scalar_indent_ = indent;
    if (!scalar_.empty() && scalar_.back() != '\n') scalar_ += fold_ ? ' ' : '\n';
    scalar_.append(raw.substr(std::min(indent, *scalar_indent_)));
  }

  // Quoted scalars lose their quotes (and escapes); plain ones a " # comment".
  std::string_view unquote(std::string_view v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
      scratch_.clear();
      for (std::size_t i = 1; i + 1 < v.size(); ++i) {
        char c = v[i];
        if (c == '\\' && i + 2 < v.size()) {
          char e = v[++i];
          scratch_ += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        } else {
          scratch_ += c;
        }
      }
      return builder_.store(scratch_);
    }
    if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
      scratch_.clear();
      for (std::size_t i = 1; i + 1 < v.size(); ++i) {
        scratch_ += v[i];
        if (v[i] == '\'' && v[i + 1] == '\'') ++i;
      }
      return builder_.store(scratch_);
    }
    for (std::size_t i = 1; i < v.size(); ++i)
      if (v[i] == '#' && is_blank(v[i - 1])) {
        v = trim(v.substr(0, i));
        break;
      }
    return builder_.store(v);
  }

  std::string_view input_;
  BlockBuilder& builder_;
  Document& doc_;
  bool awaiting_list_ = false;
  bool block_scalar_ = false;
  bool fold_ = false;
  std::optional<std::size_t> scalar_indent_;
  std::string scalar_;
  std::string scratch_;
  std::vector<std::string_view> items_;
};

}  // namespace

void read_front_matter(std::string_view input, LineReader& lines, BlockBuilder& builder, Document& doc,
                       diag::Diagnostics& diags) {
  LineReader reader = lines;
  Line first;
  if (!reader.next(first) || !syntax::front_matter_open(input.substr(first.begin, first.end - first.begin))) return;
  LineReader scan = reader;
  Line l;
  bool closed = false;
  while (!closed && scan.next(l)) closed = syntax::front_matter_close(input.substr(l.begin, l.end - l.begin));
  if (!closed) {
    diags.warning("unclosed-front-matter", doc.file, builder.position(first, first.begin),
                  "front matter is never closed by '---' or '...'; reading it as Markdown");
    return;
  }
  FrontMatterParser parser(input, builder, doc);
  std::uint32_t close_line = l.number;
  while (reader.next(l) && l.number < close_line) parser.line(l);
  parser.end_block_scalar();
  lines = scan;
}

}  // namespace ng::notes
