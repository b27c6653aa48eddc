/*
 * Fault points for tests (see include/core/fault.h): reads $SNW_FAULT
 * once and counts the points of its phase.
 */

#include "core/fault.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

void
fault_point(const char *phase)
{
	static const char *spec;	/* "" when unset or malformed */
	static size_t phase_len;
	static long target, seen;

	if (!spec) {
		const char *colon;
		char *end;

		spec = getenv("SNW_FAULT");
		if (!spec || !(colon = strchr(spec, ':'))) {
			spec = "";
		} else {
			phase_len = (size_t)(colon - spec);
			target = strtol(colon + 1, &end, 10);
			if (*end || target < 1)
				spec = "";
		}
	}
	if (!*spec || strlen(phase) != phase_len || strncmp(spec, phase, phase_len) != 0)
		return;
	if (++seen == target)
		raise(SIGKILL);
}
