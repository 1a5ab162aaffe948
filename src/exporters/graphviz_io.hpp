// What both Graphviz writers (service diagrams, CONSTRUCT-result diagrams)
// need from cgraph: a discipline that writes a graph to a std::ostream and
// numbers objects in creation order, and setting an attribute from a
// std::string.
#pragma once

#include <graphviz/cgraph.h>

#include <ostream>
#include <string>

namespace ng::exporters::graphviz {

inline int put_to_stream(void *chan, const char *text) {
  *static_cast<std::ostream *>(chan) << text;
  return 0;
}
inline int flush_stream(void *chan) {
  static_cast<std::ostream *>(chan)->flush();
  return 0;
}
// Object IDs in creation order. cgraph's default discipline makes a named
// object's ID the address of its interned name, and keeps subgraphs ordered
// by ID: the clusters' order, and with it the layout, then depended on the
// heap (which differs from run to run once other threads allocate). Here
// every ID is a counter's next odd value and cgraph keeps the names in its
// own internal map (the path it has for disciplines with anonymous IDs), so
// the same graph always comes out the same.
inline void *sequential_ids_open(Agraph_t *, Agdisc_t *) { return new IDTYPE(1); }
inline long sequential_ids_map(void *state, int, char *name, IDTYPE *id, int) {
  if (name != nullptr) return 0;  // cgraph then maps the name to an ID of ours
  auto &next = *static_cast<IDTYPE *>(state);
  *id = next;
  next += 2;
  return 1;
}
inline long sequential_ids_alloc(void *, int, IDTYPE) { return 0; }
inline void sequential_ids_free(void *, int, IDTYPE) {}
inline char *sequential_ids_print(void *, int, IDTYPE) { return nullptr; }
inline void sequential_ids_close(void *state) { delete static_cast<IDTYPE *>(state); }
inline void sequential_ids_register(void *, int, void *) {}
inline Agiddisc_t sequential_ids = {sequential_ids_open,    sequential_ids_map,   sequential_ids_alloc,
                                    sequential_ids_free,    sequential_ids_print, sequential_ids_close,
                                    sequential_ids_register};

// agwrite(g, &stream) with a graph opened under stream_disc writes to the ostream.
inline Agiodisc_t stream_io = {nullptr, put_to_stream, flush_stream};
inline Agdisc_t stream_disc = {&AgMemDisc, &sequential_ids, &stream_io};

// Sets an attribute on a node, edge or graph, declaring it with an empty default.
inline void set(void *obj, const char *name, const std::string &value) {
  agsafeset(obj, const_cast<char *>(name), const_cast<char *>(value.c_str()), const_cast<char *>(""));
}

}  // namespace ng::exporters::graphviz
