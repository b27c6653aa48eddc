#ifndef SNW_EDITOR_H
#define SNW_EDITOR_H

/*
 * Ctrl-E in a form: a text of several lines goes to the person's own
 * editor, as git and mutt do it. The text is written to a private
 * temporary file (mode 0600), the editor ($VISUAL, else $EDITOR, else
 * vi) runs in the foreground with the terminal released, and the file is
 * read back exactly (only the final line break an editor adds is taken
 * off again). The file is removed afterwards.
 */

#include <stddef.h>

struct screen;

/* Runs the editor on text. Returns 0 with the edited text in *out
 * (malloc'd); -1 with *out NULL and msg saying why (the editor failed or
 * could not start, the file could not be written or read). */
int editor_run(struct screen *scr, const char *text, char **out, char *msg, size_t msgsz);

#endif
