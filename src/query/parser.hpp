// The SPARQL recursive-descent parser over the lexer's tokens: builds the
// Query of algebra.hpp. Nesting (groups, parentheses, paths, collections) is
// counted so deep input ends in "nesting-too-deep", not a stack overflow. The
// first error stops the parse (ParseError), reported by sparql.cpp.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "query/algebra.hpp"
#include "query/lexer.hpp"
#include "query/sparql.hpp"

namespace ng::query {

struct ParseError {
  std::string kind;
  std::size_t offset = 0;
  std::string message;
};

// true / false, which SPARQL matches case-insensitively like its keywords.
bool is_boolean_keyword(const Token& t);

class Parser {
public:
  Parser(std::string_view text, const ParseOptions& options);
  // Throws ParseError on the first syntax or meaning error.
  std::shared_ptr<Query> parse();
  // Meaning problems the parse does not stop for (warnings), with offsets.
  const std::vector<ParseError>& warnings() const { return warnings_; }

private:
  // Tokens.
  const Token& peek(std::size_t ahead = 0) const;
  const Token& next();
  bool at_punct(std::string_view p, std::size_t ahead = 0) const;
  bool accept_punct(std::string_view p);
  void expect_punct(std::string_view p);
  bool at_keyword(std::string_view kw, std::size_t ahead = 0) const;
  bool accept_keyword(std::string_view kw);
  void expect_keyword(std::string_view kw);
  [[noreturn]] void fail_expected(std::string_view what) const;
  [[noreturn]] void fail(std::string kind, std::size_t offset, std::string message) const;
  diag::SourcePos pos_of(const Token& t) const;

  // Nesting depth, counted by a guard object on the C++ stack.
  struct Nesting {
    explicit Nesting(Parser& p);
    ~Nesting() { --parser.depth_; }
    Parser& parser;
  };
  // A chain of left-associative operators ("1 + 1 + ...") builds a tree one
  // level deeper per operator, and evaluating it recurses as deep: each
  // operator counts as a nesting level until the chain ends.
  struct OperatorChain {
    explicit OperatorChain(Parser& p) : parser(p) {}
    ~OperatorChain() { parser.depth_ -= links; }
    void link();  // one more operator, at peek()
    Parser& parser;
    std::size_t links = 0;
  };

  // Prologue, IRIs, variables.
  void prologue();
  std::string resolve(std::string_view iri) const;
  std::string expand(const Token& pname) const;
  bool at_iri() const;
  std::string iri();
  VarId var_id(const std::string& name);
  VarId hidden_var(const std::string& hint);

  // Query forms and modifiers (parser.cpp).
  void select_query(SelectQuery& q, bool sub);
  void select_clause(SelectQuery& q);
  void dataset_clauses();
  void where_clause(SelectQuery& q);
  void solution_modifiers(SelectQuery& q);
  bool at_constraint_start() const;  // a HAVING / ORDER BY / GROUP BY condition follows
  void group_clause(SelectQuery& q);
  InlineData data_block();
  std::optional<model::Term> data_value();
  void construct_query(Query& q);
  void describe_query(Query& q);
  void check_select(SelectQuery& q, std::size_t select_offset);

  // Patterns (parser_patterns.cpp).
  std::shared_ptr<GroupPattern> group_graph_pattern();
  void group_graph_pattern_sub(GroupPattern& g);
  void triples_block(std::vector<TriplePattern>& out);
  void triples_same_subject(std::vector<TriplePattern>& out);
  void property_list(const Slot& subject, std::vector<TriplePattern>& out);
  void object_list(const Slot& subject, const Slot& verb, const std::optional<Path>& path,
                   std::vector<TriplePattern>& out);
  Slot graph_node(std::vector<TriplePattern>& out);
  Slot blank_node_property_list(std::vector<TriplePattern>& out);
  Slot collection(std::vector<TriplePattern>& out);
  Slot fresh_blank();
  std::optional<Slot> var_or_term();
  model::Term literal();
  Path path();
  Path path_sequence();
  Path path_element();
  Path path_primary();
  Path negated_property_set();

  // Expressions (parser_expressions.cpp).
  Expr expression();
  Expr or_expression();
  Expr and_expression();
  Expr relational_expression();
  Expr additive_expression();
  Expr multiplicative_expression();
  Expr unary_expression();
  Expr primary_expression();
  Expr bracketted_expression();
  Expr call(std::string name, diag::SourcePos where);
  Expr aggregate(std::string name, diag::SourcePos where);
  std::vector<Expr> argument_list();

  std::string_view text_;
  // pos_of() resumes counting from the last position it computed (tokens
  // are mostly asked for in order), so a long query is not rescanned per node.
  mutable std::size_t pos_offset_ = 0;
  mutable diag::SourcePos pos_at_{1, 1};
  ParseOptions options_;
  std::vector<Token> tokens_;
  std::size_t at_ = 0;
  std::size_t depth_ = 0;
  std::string base_;
  std::map<std::string, std::string, std::less<>> prefixes_;
  std::shared_ptr<Query> query_;
  std::map<std::string, VarId, std::less<>> var_ids_;
  SelectQuery* current_select_ = nullptr;  // receives the aggregates parsed
  bool aggregates_allowed_ = false;
  bool in_template_ = false;  // CONSTRUCT template: blank nodes stay blank nodes
  bool paths_allowed_ = true;  // false in CONSTRUCT's triples templates (verbs are IRIs or variables)
  std::size_t blank_counter_ = 0;
  std::vector<ParseError> warnings_;
};

}  // namespace ng::query
