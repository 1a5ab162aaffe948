// Fusion adaptation of the token attributes: none are structs with members,
// so nothing needs adapting; kept so every X3 language has the same layout.
#pragma once

#include "query/x3/ast.hpp"
