/*
 * Memory that never comes back NULL: the policy of include/core/alloc.h.
 * Running out is said in one sentence and ends the process (status 71);
 * the transactions of the store see to it that nothing is half-written.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/i18n.h"

static void (*restore_terminal)(void);

void
alloc_on_exhaustion(void (*restore)(void))
{
	restore_terminal = restore;
}

/* The message is formatted into a buffer of its own and written with
 * write(): stdio may want memory too, and another thread may be using it. */
_Noreturn void
alloc_fail(size_t n)
{
	static char msg[512];
	char num[32];
	int len;

	if (restore_terminal)
		restore_terminal();
	len = snprintf(msg, sizeof(msg),
		       _("snw: niet genoeg geheugen (%s bytes nodig); snw stopt. Wat nog niet opgeslagen was, is niet geschreven; niets is half geschreven.\n"),
		       i18n_count((long long)n, num));
	if (len > 0 && write(STDERR_FILENO, msg, (size_t)len < sizeof(msg) ? (size_t)len : sizeof(msg) - 1) < 0)
		len = 0;	/* nothing more to do */
	_exit(EXIT_NOMEM);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		alloc_fail(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		alloc_fail(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		alloc_fail(n);
	return q;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *d = xmalloc(n);

	memcpy(d, s ? s : "", n);
	return d;
}

char *
xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s ? s : "", n);
	char *d = xmalloc(len + 1);

	memcpy(d, s ? s : "", len);
	d[len] = '\0';
	return d;
}
