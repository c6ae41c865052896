/*
** inflect.h -- inflection profiles: per-language rules, read from analyst
** files (data/inflection/<lang>.tsv), that say how the last word of an
** alias may change in running text (Москва -> Москвы Москве Москву ...).
** The matcher expands every alias into these forms when it is built (see
** docs/inflection.md for the file format and the design).
*/
#ifndef GLEAN_INFLECT_H
#define GLEAN_INFLECT_H

#include "glean.h"

typedef struct InflProfile InflProfile;

#define GL_INFL_MAXNAME 31

/*
** Parse a profile called name (its language code: "ru", "pt_BR") from
** data[0..n); fname names the file in errors.  NULL when the file has
** errors, each "fname:line: what" on its own line in err (at most 10).
*/
InflProfile *gl_infl_parse(const char *name, const char *data, size_t n,
                           const char *fname, GlBuf *err);
void gl_infl_free(InflProfile *p);
const char *gl_infl_name(const InflProfile *p);
/* 1 when the profile inflects a `case` alias whose `lang` names it and
   whose `iso` attribute is iso[0..isolen) (NULL: none): `case_aliases yes`
   inflects all, `case_aliases RU BY` those of places in these countries
   (otherwise only an `inflection` column does; docs/inflection.md). */
int gl_infl_case_alias(const InflProfile *p, const char *iso, size_t isolen);

/*
** Called once per form: the whole alias with its last word inflected,
** form[0..n); the last `excluded` bytes are matched but are not part of
** the span (Persian ezafe).  Nonzero stops the expansion (returned).
*/
typedef int (*GlInflEmit)(void *ud, const char *form, size_t n, size_t excluded);

/*
** Apply p to alias[0..alen) (valid UTF-8): when a rule matches the end of
** its last word, call emit for each form of that rule.  Returns 0 (also
** when no rule applies), or what emit returned.
*/
int gl_infl_expand(const InflProfile *p, const char *alias, size_t alen,
                   GlInflEmit emit, void *ud);

/* 1 when the first letter of alias[0..alen) is upper or title case (Москва,
   Warszawa; not iPhone, not a script without case): its forms then need a
   capital in the text too (GL_FLAG_CAPITAL), as names are written. */
int gl_infl_capitalised(const char *alias, size_t alen);

/* Load every NAME.tsv of directory dir; calls add(ud, profile) for each
   (add takes ownership; nonzero = out of memory).  0, or -1 with errors
   ("dir/ru.tsv:3: what" lines, or "dir: strerror") in err. */
int gl_infl_load_dir(const char *dir, int (*add)(void *ud, InflProfile *p), void *ud,
                     GlBuf *err);

#endif
