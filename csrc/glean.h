/*
** glean.h -- shared types and limits of the glean C core, and (util.h) its
** small helpers.
** Capability files include this; none of them includes lua.h (only the l*.c
** binding files do), so C tests, fuzzers and bench/ can drive them directly.
*/
#ifndef GLEAN_H
#define GLEAN_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"   /* growable arrays, byte buffers, UTF-8 */

#define GL_VERSION "0.1.0"

/* Largest input one call accepts: offsets are stored as uint32_t. */
#define GL_MAXINPUT ((size_t)0xFFFFFFF0u)

/* How invalid UTF-8 is treated by functions that take text. */
typedef enum GlInvalid {
  GlInvalidError = 0,   /* fail with the offset of the first bad byte */
  GlInvalidReplace      /* treat each maximal bad subpart as U+FFFD */
} GlInvalid;

#endif
