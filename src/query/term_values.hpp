// The value semantics of RDF terms in expressions: numeric literals and type
// promotion (integer < decimal < float < double), effective boolean value,
// value equality and ordering for the operators, and the total order ORDER BY
// uses (unbound < blank < IRI < literal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/term.hpp"

namespace ng::query {

enum class NumericType { integer, decimal, float_, double_ };

// xsd:decimal as exact fixed point: the value times 10^18 in a signed 128-bit
// integer (about 20 digits before the point, 18 after), as Oxigraph does.
using Decimal = __int128;
inline constexpr Decimal kDecimalScale = 1'000'000'000'000'000'000;  // 10^18

struct Numeric {
  NumericType type = NumericType::integer;
  std::int64_t integer = 0;  // when type == integer
  double real = 0;           // when type is float_ or double_
  Decimal decimal = 0;       // when type == decimal: the value * 10^18
  double as_double() const;
  // The value as a scaled decimal (integer or decimal only).
  Decimal as_decimal() const { return type == NumericType::integer ? Decimal(integer) * kDecimalScale : decimal; }
};

// The xsd:decimal lexical space ([+-]?([0-9]+(.[0-9]*)?|.[0-9]+)); nullopt when
// invalid or not representable (more than 18 significant fractional digits, overflow).
std::optional<Decimal> parse_decimal(std::string_view s);
// Canonical-style form: no exponent, trailing zeros dropped, at least one digit after the point.
std::string format_decimal(Decimal d);
// The exact decimal operations; nullopt on overflow or division by zero.
std::optional<Decimal> decimal_multiply(Decimal a, Decimal b);
std::optional<Decimal> decimal_divide(Decimal a, Decimal b);
// fn:round (half towards positive infinity), fn:ceiling, fn:floor; nullopt on overflow.
std::optional<Decimal> decimal_round(Decimal d);
std::optional<Decimal> decimal_ceil(Decimal d);
std::optional<Decimal> decimal_floor(Decimal d);
// A double as a decimal (truncated to 18 fractional digits); nullopt when not finite or too large.
std::optional<Decimal> decimal_from_double(double d);

std::string xsd_iri(std::string_view local);
bool is_string_literal(model::TermView t);  // simple literal or xsd:string
std::optional<Numeric> numeric_value(model::TermView t);
model::Term numeric_term(const Numeric& n);
model::Term boolean_term(bool b);
std::optional<bool> boolean_value(model::TermView t);  // valid xsd:boolean literal
std::optional<bool> effective_boolean_value(model::TermView t);

// Arithmetic with promotion; nullopt on a type error or division by zero of integers/decimals.
std::optional<Numeric> arithmetic(char op, const Numeric& a, const Numeric& b);

// '=' : true/false, or nullopt for a type error (literals of unknown, different types).
std::optional<bool> values_equal(model::TermView a, model::TermView b);
// '<' family: negative/zero/positive, or nullopt when the terms are not comparable.
std::optional<int> compare_values(model::TermView a, model::TermView b);
// ORDER BY: a total order; nullptr is unbound.
int order_compare(const model::TermView* a, const model::TermView* b);

}  // namespace ng::query
