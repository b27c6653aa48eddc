/*
 * The key table: the dispatcher and the help screen read the same rows.
 */

#include <stddef.h>
#include <string.h>

#include "keys.h"

#define ACTION_ROW(name, keys, shortl, nl, en) { ACT_##name, keys, shortl, nl, en },
static const struct key_def defs[] = {
	ACTION_LIST(ACTION_ROW)
};
#undef ACTION_ROW

#define NDEFS ((int)(sizeof(defs) / sizeof(defs[0])))

static const struct {
	const char *name;
	int code;
} named[] = {
	{ "Tab", KC_TAB }, { "Shift-Tab", KC_BTAB }, { "Enter", KC_ENTER },
	{ "Esc", KC_ESC }, { "Up", KC_UP }, { "Down", KC_DOWN },
	{ "Left", KC_LEFT }, { "Right", KC_RIGHT }, { "PgUp", KC_PGUP },
	{ "PgDn", KC_PGDN }, { "Home", KC_HOME }, { "End", KC_END },
	{ "F1", KC_F1 }, { "Space", ' ' },
};

int
keys_parse(const char *name)
{
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strcmp(named[i].name, name) == 0)
			return named[i].code;
	if (name[0] && !name[1])
		return (unsigned char)name[0];
	return KC_NONE;
}

enum action
keys_action(int keycode)
{
	if (keycode == '\r')
		keycode = KC_ENTER;
	for (int i = 0; i < NDEFS; i++) {
		const char *p = defs[i].keys;

		while (*p) {
			char name[16];
			size_t n = strcspn(p, " ");

			if (n < sizeof(name)) {
				memcpy(name, p, n);
				name[n] = '\0';
				if (keys_parse(name) == keycode)
					return defs[i].action;
			}
			p += n;
			while (*p == ' ')
				p++;
		}
	}
	return ACT_NONE;
}

int
keys_count(void)
{
	return NDEFS;
}

const struct key_def *
keys_get(int i)
{
	return i >= 0 && i < NDEFS ? &defs[i] : NULL;
}

const struct key_def *
keys_def(enum action a)
{
	for (int i = 0; i < NDEFS; i++)
		if (defs[i].action == a)
			return &defs[i];
	return NULL;
}
