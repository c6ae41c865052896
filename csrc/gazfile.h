/*
** gazfile.h -- gazetteer files: TSV/CSV source files into a builder, and
** the compiled form (save, then open memory-mapped and validated).
**
** Errors are appended to err as text ("name:line: what", one per line for
** source files; "name: what" for compiled files); the caller owns err.
*/
#ifndef GLEAN_GAZFILE_H
#define GLEAN_GAZFILE_H

#include "glean.h"
#include "matcher.h"

#define GL_GAZ_MAXERRORS 10   /* a source file reports at most this many */

typedef enum GazFormat { GazTSV = 0, GazCSV } GazFormat;

/*
** Parse data[0..n) (the content of a gazetteer source file called name)
** into b.  Returns 0; -1 when the file has errors (each "name:line: what"
** in err, the builder may hold the good lines); -2 out of memory.
*/
int gl_gazfile_parse(MatcherBuilder *b, const char *data, size_t n, const char *name,
                     GazFormat fmt, GlBuf *err);

/* Read a whole file into out.  0, or -1 with "name: strerror" in err. */
int gl_gazfile_read(const char *path, GlBuf *out, GlBuf *err);

/* 1 when the file at path starts with the compiled-gazetteer magic. */
int gl_gazfile_is_compiled(const char *path);

/* Write m to path in the compiled form.  0, or -1 with the reason in err. */
int gl_gazfile_save(const Matcher *m, const char *path, GlBuf *err);

/*
** Open a compiled file: map it read-only and validate header, checksum and
** every index the scan reads.  NULL with "name: what" in err when the file
** is missing, truncated, foreign or corrupt.  Free with gl_matcher_free.
*/
Matcher *gl_gazfile_open(const char *path, GlBuf *err);

/* The checksum the compiled format stores (exposed for the fuzz harness,
   which writes files whose checksum is right but whose structure is not). */
uint64_t gl_gazfile_checksum(const uint8_t *p, size_t n);

#endif
