/*
 * The external editor of a form's long text (include/tui/editor.h).
 */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/i18n.h"
#include "tui/editor.h"
#include "tui/screen.h"

/* The editor a person chose, as a shell command. */
static const char *
chosen_editor(void)
{
	const char *e = getenv("VISUAL");

	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
}

/* Writes all of text to fd; -1 on failure. */
static int
write_all(int fd, const char *text)
{
	size_t n = strlen(text), done = 0;

	while (done < n) {
		ssize_t w = write(fd, text + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		done += (size_t)w;
	}
	return 0;
}

/* The whole file, malloc'd; NULL on failure. */
static char *
read_all(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0;

	if (!fp)
		return NULL;
	for (;;) {
		size_t got;

		if (len + 4096 + 1 > cap) {
			buf = xrealloc(buf, cap = (len + 4096 + 1) * 2);
		}
		got = fread(buf + len, 1, cap - len - 1, fp);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		free(buf);
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	buf[len] = '\0';
	return buf;
}

/*
 * Runs `editor "path"` through the shell (so that EDITOR="code --wait"
 * works) and waits. snw ignores SIGINT and SIGQUIT meanwhile: Ctrl-C in
 * the editor is the editor's business, not a reason for snw to quit.
 * Returns the exit status, or -1 when it did not exit normally.
 */
static int
run(const char *editor, const char *path)
{
	struct sigaction ign, old_int, old_quit;
	char script[1024];
	pid_t pid;
	int status = 0;

	snprintf(script, sizeof(script), "%s \"$1\"", editor);
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", script, "sh", path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (pid < 0 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

int
editor_run(struct screen *scr, const char *text, char **out, char *msg, size_t msgsz)
{
	const char *tmp = getenv("TMPDIR"), *editor = chosen_editor();
	char path[4096], *back;
	size_t tl = strlen(text), bl;
	int fd, rc;

	*out = NULL;
	snprintf(path, sizeof(path), "%s/snw-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0) {	/* mode 0600: only this person reads it */
		snprintf(msg, msgsz, _("kon geen tijdelijk bestand maken voor de editor: %s"), strerror(errno));
		return -1;
	}
	if (write_all(fd, text) < 0 || close(fd) < 0) {
		snprintf(msg, msgsz, _("kon de tekst niet voor de editor wegschrijven: %s"), strerror(errno));
		unlink(path);
		return -1;
	}
	screen_suspend(scr);
	rc = run(editor, path);
	screen_resume(scr);
	if (rc != 0) {
		snprintf(msg, msgsz, _("de editor (%s) stopte met een fout; de tekst is niet veranderd"), editor);
		unlink(path);
		return -1;
	}
	back = read_all(path);
	unlink(path);
	if (!back) {
		snprintf(msg, msgsz, "%s", _("kon de tekst uit de editor niet teruglezen; de tekst is niet veranderd"));
		return -1;
	}
	/* editors end a file with a line break: one the text did not have goes */
	bl = strlen(back);
	if (bl > 0 && back[bl - 1] == '\n' && (tl == 0 || text[tl - 1] != '\n'))
		back[--bl] = '\0';
	*out = back;
	return 0;
}
