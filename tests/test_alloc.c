/*
 * The one policy for running out of memory (include/core/alloc.h): a
 * whole sentence on stderr and exit status 71, never a NULL that a caller
 * might pass on.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/i18n.h"

/* Runs fn in a child; its exit status and what it wrote on stderr. */
static int
in_child(void (*fn)(void), char *err, size_t errsz)
{
	int fds[2], status = -1;
	ssize_t n, got = 0;
	pid_t pid;

	cr_assert_eq(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		fn();
		_exit(0);
	}
	close(fds[1]);
	while (got < (ssize_t)errsz - 1 && (n = read(fds[0], err + got, errsz - 1 - (size_t)got)) > 0)
		got += n;
	err[got] = '\0';
	close(fds[0]);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void
ask_too_much(void)
{
	void *volatile p = xmalloc(SIZE_MAX / 2);

	(void)p;
}

static void
grow_too_much(void)
{
	char *volatile p = xrealloc(NULL, 16);

	p = xrealloc(p, SIZE_MAX / 2);
	(void)p;
}

Test(alloc, running_out_says_so_and_ends_with_71)
{
	char err[1024];

	i18n_set_lang(LANG_NL);
	cr_assert_eq(in_child(ask_too_much, err, sizeof(err)), EXIT_NOMEM, "%s", err);
	cr_assert(strstr(err, "snw: niet genoeg geheugen"), "%s", err);
	cr_assert(strstr(err, "niets is half geschreven"), "%s", err);
	cr_assert_eq(in_child(grow_too_much, err, sizeof(err)), EXIT_NOMEM, "%s", err);
}

Test(alloc, a_copy_of_nothing_is_empty)
{
	char *s = xstrdup(NULL);

	cr_assert_str_eq(s, "");
	free(s);
}
