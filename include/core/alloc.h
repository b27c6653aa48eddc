#ifndef SNW_ALLOC_H
#define SNW_ALLOC_H

/*
 * Memory, with one policy for running out of it: snw's own allocations go
 * through these, which never return NULL. When the system has no memory
 * left they say so in a whole sentence on stderr and end the process with
 * status 71 (EXIT_NOMEM). Nothing is left half-written: every change to
 * the database is one transaction, and one that is not committed is not
 * there. The exception is a large allocation with a cheaper way out (the
 * key table of a large import falls back to the table's index); those
 * call malloc themselves and say so in a comment. SQLite's own lack of
 * memory comes back as the result R_NOMEM.
 */

#include <stddef.h>

#define EXIT_NOMEM 71	/* sysexits' EX_OSERR */

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);	/* zeroed; n * size checked for overflow */
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);		/* NULL copies as "" */
char *xstrndup(const char *s, size_t n);	/* at most n bytes of s, NUL-terminated */

/* Says that n bytes could not be had and ends the process (status 71):
 * for libraries that report running out of memory (utf8proc). */
_Noreturn void alloc_fail(size_t n);

/* Called before the message when memory runs out, to give the terminal
 * back (the dashboard's screen_close); NULL for nothing. */
void alloc_on_exhaustion(void (*restore)(void));

#endif
