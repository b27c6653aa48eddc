/*
 * timeit: runs a command and appends how long it took to a file, for
 * `make bench` (a shell has no portable sub-second clock, and time(1)
 * is not installed everywhere).
 *
 *   timeit OUT CMD [ARG...]
 *
 * Appends one line "WALL_S USER_S SYS_S MAXRSS_KB STATUS" to OUT. The
 * command keeps the caller's standard input, output and error. Exits
 * with the command's status (or 70 when it could not be run).
 */

#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
tv(struct timeval t)
{
	return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

int
main(int argc, char **argv)
{
	struct rusage ru;
	double t0, t1;
	int status, code;
	pid_t pid;
	FILE *out;

	if (argc < 3) {
		fprintf(stderr, "usage: timeit OUT CMD [ARG...]\n");
		return 64;
	}
	t0 = now();
	if ((pid = fork()) < 0) {
		fprintf(stderr, "timeit: fork: %s\n", strerror(errno));
		return 70;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "timeit: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "timeit: wait: %s\n", strerror(errno));
			return 70;
		}
	t1 = now();
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	if (!(out = fopen(argv[1], "a"))) {
		fprintf(stderr, "timeit: %s: %s\n", argv[1], strerror(errno));
		return 70;
	}
	fprintf(out, "%.4f %.4f %.4f %ld %d\n", t1 - t0, tv(ru.ru_utime), tv(ru.ru_stime),
		ru.ru_maxrss, code);
	if (fclose(out) != 0)
		return 70;
	return code;
}
