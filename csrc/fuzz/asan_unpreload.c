/* make test-asan: preloaded after the ASan/UBSan runtimes into every
 * lua5.4 the suite starts (through the lua5.4 shim in
 * $(ASAN_BUILD)/luashim/bin).  It takes LD_PRELOAD out of the process's
 * environment once the runtimes are loaded, so programs the specs run
 * (split, sh, chromium) start uninstrumented: an ASan runtime forced into
 * them reports their own allocation habits (GNU split's aligned_alloc with
 * a size that is not a multiple of the alignment) instead of glean's.  A
 * child lua5.4 finds the shim on PATH and gets the runtimes again. */
#include <stdlib.h>

static void unpreload(void) __attribute__((constructor));

static void unpreload(void)
{
  unsetenv("LD_PRELOAD");
}
