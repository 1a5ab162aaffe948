// The value semantics of RDF terms in expressions: numeric literals and type
// promotion (integer < decimal < float < double), effective boolean value,
// value equality and ordering for the operators, and the total order ORDER BY
// uses (unbound < blank < IRI < literal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/term.hpp"

namespace ng::query {

enum class NumericType { integer, decimal, float_, double_ };

struct Numeric {
  NumericType type = NumericType::integer;
  std::int64_t integer = 0;  // when type == integer
  double real = 0;           // otherwise (decimals are kept as doubles)
  double as_double() const { return type == NumericType::integer ? static_cast<double>(integer) : real; }
};

std::string xsd_iri(std::string_view local);
bool is_string_literal(const model::Term& t);  // simple literal or xsd:string
std::optional<Numeric> numeric_value(const model::Term& t);
model::Term numeric_term(const Numeric& n);
model::Term boolean_term(bool b);
std::optional<bool> boolean_value(const model::Term& t);  // valid xsd:boolean literal
std::optional<bool> effective_boolean_value(const model::Term& t);

// Arithmetic with promotion; nullopt on a type error or division by zero of integers/decimals.
std::optional<Numeric> arithmetic(char op, const Numeric& a, const Numeric& b);

// '=' : true/false, or nullopt for a type error (literals of unknown, different types).
std::optional<bool> values_equal(const model::Term& a, const model::Term& b);
// '<' family: negative/zero/positive, or nullopt when the terms are not comparable.
std::optional<int> compare_values(const model::Term& a, const model::Term& b);
// ORDER BY: a total order; nullptr is unbound.
int order_compare(const model::Term* a, const model::Term* b);

}  // namespace ng::query
