/*
 * The key tables: the dispatchers and the help screen read the same rows.
 */

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "tui/keys.h"

#define ACTION_ROW(name, keys, shortl, label) { ACT_##name, keys, shortl, label },
static const struct key_def defs[] = {
	ACTION_LIST(ACTION_ROW)
};
#undef ACTION_ROW

#define FORM_ROW(name, keys, label) { FK_##name, keys, label },
static const struct form_key_def form_defs[] = {
	FORM_KEY_LIST(FORM_ROW)
};
#undef FORM_ROW

#define NDEFS ((int)(sizeof(defs) / sizeof(defs[0])))
#define NFORM ((int)(sizeof(form_defs) / sizeof(form_defs[0])))

static const struct {
	const char *name;
	int code;
} named[] = {
	{ "Tab", KC_TAB }, { "Shift-Tab", KC_BTAB }, { "Enter", KC_ENTER },
	{ "Esc", KC_ESC }, { "Up", KC_UP }, { "Down", KC_DOWN },
	{ "Left", KC_LEFT }, { "Right", KC_RIGHT }, { "PgUp", KC_PGUP },
	{ "PgDn", KC_PGDN }, { "Home", KC_HOME }, { "End", KC_END },
	{ "F1", KC_F1 }, { "F2", KC_F2 }, { "F4", KC_F4 }, { "Space", ' ' },
	{ "Backspace", KC_BACKSPACE }, { "Delete", KC_DELETE },
};

int
keys_parse(const char *name)
{
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strcmp(named[i].name, name) == 0)
			return named[i].code;
	if (strncmp(name, "Ctrl-", 5) == 0 && name[5] >= 'A' && name[5] <= 'Z' && !name[6])
		return KC_CTRL(name[5]);
	if (name[0] && !name[1])
		return (unsigned char)name[0];
	return KC_NONE;
}

const char *
keys_shown(const char *keys, char *buf, size_t bufsz)
{
	static const struct {
		const char *name, *shown;
	} glyphs[] = {
		{ "Up", "↑" }, { "Down", "↓" }, { "Left", "←" }, { "Right", "→" },
	};
	size_t used = 0;
	const char *p = keys;

	buf[0] = '\0';
	while (*p && used < bufsz) {
		size_t n = strcspn(p, " ");
		const char *word = NULL;

		for (size_t i = 0; i < sizeof(glyphs) / sizeof(glyphs[0]); i++)
			if (strlen(glyphs[i].name) == n && strncmp(glyphs[i].name, p, n) == 0)
				word = glyphs[i].shown;
		if (n == 5 && strncmp(p, "Space", 5) == 0)
			word = C_("toets", "Spatie");
		if (word)
			used += (size_t)snprintf(buf + used, bufsz - used, "%s%s", used ? " " : "", word);
		else
			used += (size_t)snprintf(buf + used, bufsz - used, "%s%.*s", used ? " " : "", (int)n, p);
		p += n;
		while (*p == ' ')
			p++;
	}
	return buf;
}

/* True when keycode is one of the space-separated key names in keys. */
static int
bound(const char *keys, int keycode)
{
	const char *p = keys;

	while (*p) {
		char name[16];
		size_t n = strcspn(p, " ");

		if (n < sizeof(name)) {
			memcpy(name, p, n);
			name[n] = '\0';
			if (keys_parse(name) == keycode)
				return 1;
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	return 0;
}

enum action
keys_action(int keycode)
{
	if (keycode == '\r')
		keycode = KC_ENTER;
	for (int i = 0; i < NDEFS; i++)
		if (bound(defs[i].keys, keycode))
			return defs[i].action;
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

enum form_key
keys_form_key(int keycode)
{
	if (keycode == '\r')
		keycode = KC_ENTER;
	if (keycode == '\b')
		keycode = KC_BACKSPACE;
	for (int i = 0; i < NFORM; i++)
		if (bound(form_defs[i].keys, keycode))
			return form_defs[i].key;
	return FK_NONE;
}

int
keys_form_count(void)
{
	return NFORM;
}

const struct form_key_def *
keys_form_get(int i)
{
	return i >= 0 && i < NFORM ? &form_defs[i] : NULL;
}
