/*
 * The registry of views: every view of the dashboard, one line each, in
 * the order of the tabs (the first is where Esc returns to). A view is a
 * file in this folder defining `const struct view_ops view_NAME`
 * (include/tui/view.h); adding its name here is all the engine needs.
 */

#include "tui/view.h"

#define VIEWS(X) \
	X(overview) \
	X(domain) \
	X(planning) \
	X(meetings) \
	X(actions) \
	X(changes) \
	/* a new view: X(name) \ above this line */

#define DECLARE(name) extern const struct view_ops view_##name;
VIEWS(DECLARE)
#undef DECLARE

#define ENTRY(name) &view_##name,
const struct view_ops *const view_registry[] = { VIEWS(ENTRY) };
#undef ENTRY

const int view_count = (int)(sizeof(view_registry) / sizeof(view_registry[0]));
