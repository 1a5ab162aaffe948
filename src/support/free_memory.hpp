// Hands the pages of freed memory back to the kernel, for the places that
// free much of it while the process goes on growing elsewhere.
#pragma once

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ng::support {

// glibc keeps freed blocks in its heaps and can shrink a heap only from the
// top: many small notes freed while the triple store grows in other
// mappings would stay resident otherwise. malloc_trim also releases the
// whole free pages inside the heaps. Elsewhere this does nothing.
inline void return_free_pages() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace ng::support
