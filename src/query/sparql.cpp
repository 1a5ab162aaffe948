// The facade: parse_query turns parse errors into diagnostics with line and
// column; evaluate runs the query form (SELECT, ASK, CONSTRUCT, DESCRIBE) and
// turns a hit limit into a diagnostic; explain prints the traced plan.
#include "query/sparql.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "diag/source_file.hpp"
#include "model/utf8.hpp"
#include "query/evaluator.hpp"
#include "query/parser.hpp"

namespace ng::query {

QueryForm ParsedQuery::form() const { return query_->form; }

namespace {

// Offset of the first byte that is not well-formed UTF-8, or npos. The
// grammar matches bytes, so without this check a stray byte >= 0x80 would
// pass as a name character and reach the results as invalid text.
std::size_t first_invalid_utf8(std::string_view text) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = model::decode_utf8(text, i, cp);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace

ParsedQuery parse_query(std::string_view text, const ParseOptions& options, diag::Diagnostics& diags) {
  diag::SourceFile source(options.file, std::string(text));
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(text[bad]));
    diags.error("invalid-utf8", options.file, source.position(bad), std::string("invalid UTF-8 (byte ") + byte + ")");
    return ParsedQuery();
  }
  Parser parser(text, options);
  try {
    std::shared_ptr<Query> q = parser.parse();
    for (const ParseError& w : parser.warnings())
      diags.warning(w.kind, options.file, source.position(w.offset), w.message);
    return ParsedQuery(std::move(q));
  } catch (const ParseError& e) {
    diags.error(e.kind, options.file, source.position(e.offset), e.message);
    return ParsedQuery();
  }
}

namespace {

// Values of the template instantiated for one solution; false when a position
// is unbound or the triple would not be valid RDF.
bool instantiate(EvalContext& ctx, const TriplePattern& t, const TermId* row, std::size_t solution, store::Quad& out) {
  auto value = [&](const Slot& s) -> TermId {
    if (s.is_var) return row[s.var];
    if (s.term.kind == model::TermKind::blank)
      return ctx.intern(model::Term::blank("c" + std::to_string(solution) + "_" + s.term.value));
    return ctx.intern(s.term);
  };
  out = {value(t.s), value(t.p), value(t.o), kNoTerm};
  if (out.s == kNoTerm || out.p == kNoTerm || out.o == kNoTerm) return false;
  if (ctx.term(out.s).kind == model::TermKind::literal) return false;
  return ctx.term(out.p).kind == model::TermKind::iri;
}

// Concise bounded description: the resource's triples, and those of the blank
// nodes they reach.
void describe(EvalContext& ctx, TermId resource, std::unordered_set<TermId>& done, std::vector<store::Quad>& out) {
  std::vector<TermId> todo{resource};
  while (!todo.empty()) {
    TermId r = todo.back();
    todo.pop_back();
    if (!done.insert(r).second) continue;
    for (const store::Quad& q : ctx.store.scan({r, kNoTerm, kNoTerm, kNoTerm})) {
      ctx.limits.tick();
      out.push_back({q.s, q.p, q.o, kNoTerm});
      if (ctx.term(q.o).kind == model::TermKind::blank) todo.push_back(q.o);
    }
  }
}

QueryResult run(const ParsedQuery& parsed, store::TripleStore& store, const EvalOptions& options,
                diag::Diagnostics& diags, std::vector<PlanLine>* trace) {
  QueryResult result;
  if (!parsed.ok()) return result;
  const Query& query = parsed.query();
  result.form = query.form;
  Limits limits(options);
  EvalContext ctx(store, query, limits);
  ctx.trace = trace;
  ctx.default_graph_only = store.has_default_graph_quads();
  PatternEvaluator evaluator(ctx);
  try {
    if (query.form == QueryForm::ask) {
      result.boolean = evaluator.run_select(query.select, 1).rows > 0;
      return result;
    }
    Table t = evaluator.run_select(query.select);
    if (query.form == QueryForm::select) {
      std::vector<VarId> vars = projected_vars(query, query.select);
      for (VarId v : vars) result.table.variables.push_back(query.var_names[v]);
      result.table.cells.reserve(t.rows * vars.size());
      for (std::size_t r = 0; r < t.rows; ++r)
        for (VarId v : vars) result.table.cells.push_back(t.row(r)[v]);
      if (vars.empty()) result.table.rows_without_columns = t.rows;
      result.ordered = !query.select.order_by.empty();
    } else if (query.form == QueryForm::construct) {
      for (std::size_t r = 0; r < t.rows; ++r) {
        for (const TriplePattern& tp : query.construct_template) {
          store::Quad q;
          if (instantiate(ctx, tp, t.row(r), r, q)) result.triples.push_back(q);
        }
        limits.check_table(result.triples.size(), 3);
      }
    } else {
      std::vector<TermId> resources;
      for (const Slot& s : query.describe_targets) {
        if (!s.is_var) resources.push_back(ctx.find(s.term));
        else
          for (std::size_t r = 0; r < t.rows; ++r) resources.push_back(t.row(r)[s.var]);
      }
      if (query.describe_targets.empty())
        for (VarId v : projected_vars(query, query.select))
          for (std::size_t r = 0; r < t.rows; ++r) resources.push_back(t.row(r)[v]);
      std::unordered_set<TermId> done;
      for (TermId r : resources)
        if (r != kNoTerm) describe(ctx, r, done, result.triples);
    }
    auto by_spo = [](const store::Quad& a, const store::Quad& b) {
      return std::tie(a.s, a.p, a.o) < std::tie(b.s, b.p, b.o);
    };
    std::sort(result.triples.begin(), result.triples.end(), by_spo);
    result.triples.erase(std::unique(result.triples.begin(), result.triples.end()), result.triples.end());
  } catch (const LimitExceeded& e) {
    diags.error(e.kind, options.file, {}, e.message);
    QueryResult empty;
    empty.form = query.form;
    return empty;
  }
  return result;
}

}  // namespace

QueryResult evaluate(const ParsedQuery& query, store::TripleStore& store, const EvalOptions& options,
                     diag::Diagnostics& diags) {
  return run(query, store, options, diags, nullptr);
}

std::string explain(const ParsedQuery& query, store::TripleStore& store, const EvalOptions& options,
                    diag::Diagnostics& diags) {
  std::vector<PlanLine> trace;
  QueryResult result = run(query, store, options, diags, &trace);
  std::string out;
  for (const PlanLine& line : trace) {
    out += std::string(static_cast<std::size_t>(line.depth) * 2, ' ') + line.op;
    if (line.estimated >= 0) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "  est=%.0f", line.estimated);
      out += buf;
    }
    out += "  rows=" + std::to_string(line.actual) + "\n";
  }
  std::size_t rows = result.form == QueryForm::select ? result.table.row_count()
                     : result.form == QueryForm::ask  ? (result.boolean ? 1 : 0)
                                                      : result.triples.size();
  out += "result rows=" + std::to_string(rows) + "\n";
  return out;
}

}  // namespace ng::query
