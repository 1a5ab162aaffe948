// What both Graphviz writers (service diagrams, CONSTRUCT-result diagrams)
// need from cgraph: a discipline that writes a graph to a std::ostream, and
// setting an attribute from a std::string.
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
// agwrite(g, &stream) with a graph opened under stream_disc writes to the ostream.
inline Agiodisc_t stream_io = {nullptr, put_to_stream, flush_stream};
inline Agdisc_t stream_disc = {&AgMemDisc, &AgIdDisc, &stream_io};

// Sets an attribute on a node, edge or graph, declaring it with an empty default.
inline void set(void *obj, const char *name, const std::string &value) {
  agsafeset(obj, const_cast<char *>(name), const_cast<char *>(value.c_str()), const_cast<char *>(""));
}

}  // namespace ng::exporters::graphviz
