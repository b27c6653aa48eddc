#!/bin/sh
# Runs snw ($SNW_REAL) under valgrind memcheck for `make check-valgrind`.
# A memory error or a definite leak makes the run exit 99, which the e2e
# test sees as a wrong exit status; the report goes to a file per process
# in $SNW_VG_LOGDIR (not to stderr, which the tests read), and the
# Makefile fails when any of them is not empty.
: "${SNW_REAL:?set SNW_REAL to the snw binary}"
: "${SNW_VG_LOGDIR:=${TMPDIR:-/tmp}}"
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --track-origins=yes \
	--log-file="$SNW_VG_LOGDIR/memcheck.%p.log" "$SNW_REAL" "$@"
