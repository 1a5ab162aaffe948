// JSON-LD 1.1 writer (RapidJSON): compacted with an inline @context (prefixes,
// a term per property with @id/@type coercion), expanded, or framed with the
// services first. Text is NFC; language tags are kept as @language.
#pragma once

#include <ostream>
#include <string>

#include "store/triple_store.hpp"

namespace ng::exporters {

enum class JsonLdForm { compacted, expanded, services };

struct JsonLdOptions {
  JsonLdForm form = JsonLdForm::compacted;
  std::string
      base; // the entities' namespace, for the "notes" prefix; empty = default
};

// The default graph: every distinct (s,p,o) once. `services` writes the
// ng:Service nodes only, each with its category embedded.
void write_jsonld(const store::TripleStore &store, std::ostream &out,
                  const JsonLdOptions &options = {});

} // namespace ng::exporters
