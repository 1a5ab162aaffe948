/* md4c-bench: the md2html peer Debian does not ship. Renders each file given
 * (or every *.md under a directory given) with md4c's md_html(), GitHub
 * dialect, discarding the HTML and counting its bytes. Reports totals on stderr. */
#define _GNU_SOURCE
#include <md4c-html.h>
#include <ftw.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long in_bytes, out_bytes, files;
static char* buf;
static size_t cap;
static int failed;

static void sink(const MD_CHAR* text, MD_SIZE size, void* user) { (void)text; (void)user; out_bytes += size; }

static int render(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) { perror(path); return failed = 1; }
  size_t n = 0, got;
  for (;;) {
    if (cap - n < 65536) { cap = cap ? cap * 2 : 1 << 20; if (!(buf = realloc(buf, cap))) abort(); }
    if ((got = fread(buf + n, 1, cap - n, f)) == 0) break;
    n += got;
  }
  fclose(f);
  if (md_html(buf, (MD_SIZE)n, sink, NULL, MD_DIALECT_GITHUB, 0) != 0) { fprintf(stderr, "%s: md_html failed\n", path); failed = 1; }
  in_bytes += n; files++;
  return 0;
}

static int visit(const char* path, const struct stat* st, int type, struct FTW* ftw) {
  (void)st; (void)ftw;
  size_t len = strlen(path);
  if (type == FTW_F && len > 3 && strcmp(path + len - 3, ".md") == 0) render(path);
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) { fprintf(stderr, "usage: md4c-bench FILE|DIR...\n"); return 2; }
  for (int i = 1; i < argc; ++i) {
    struct stat st;
    if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) nftw(argv[i], visit, 32, FTW_PHYS);
    else render(argv[i]);
  }
  fprintf(stderr, "md4c-bench: %llu files, %llu bytes in, %llu bytes of HTML\n", files, in_bytes, out_bytes);
  free(buf);
  return failed;
}
