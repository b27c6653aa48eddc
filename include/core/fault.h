#ifndef SNW_FAULT_H
#define SNW_FAULT_H

/*
 * Fault injection for tests: $SNW_FAULT=PHASE:N makes snw kill itself
 * (SIGKILL, as a power cut or kill -9 would) at the N-th fault point of
 * PHASE it passes, so a test can interrupt, say, the first run at each of
 * its steps in turn instead of relying on timing. Phases: "create" (the
 * first run and init: building the database and putting it in place) and
 * "migrate" (a schema upgrade). Without the variable a fault point costs a
 * comparison.
 */

/* A place where a test may interrupt snw during phase. */
void fault_point(const char *phase);

#endif
