/*
 * The domain view's second pane (beside the list on a wide terminal,
 * under it otherwise): the detail of what the cursor is on (an
 * actielijn, the domain itself or a success: its facts, bron, "laatst
 * gewijzigd" and its text, scrolled by the wheel), and under it the
 * domain's successes with the room the detail leaves, with their
 * explanations when all of them fit. State in domain_priv.h.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain_priv.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/db.h"

#define MAX_SUCCESSES 500
/* A success's title or explanation takes at most as many lines as the
 * first of these lets all of them fit in (the first: no limit). */
static const int expl_limits[] = { 1000, 12, 8, 5, 3 };
#define SOURCE_MAX 2700		/* a bron and a groep of 300 characters of 4 bytes */

void
domain_period(const char *start, const char *end, char *out, size_t outsz)
{
	char a[16], b[16];

	render_date(start, a);
	render_date(end, b);
	if (*a || *b)
		snprintf(out, outsz, "%s – %s", *a ? a : "?", *b ? b : "?");
	else
		out[0] = '\0';
}

void
domain_load_successes(struct domain_state *s, struct app *app)
{
	const struct domain *d = &app->domains.dom[app->domain];

	if (app->domain >= app->domains.n || s->successes_dom == d->id)
		return;
	if (successes_of_domain(app->db, d->id, MAX_SUCCESSES, &s->successes) < 0)
		app_result(app, db_result(app->db));
	s->successes_dom = d->id;
	for (int i = 0; i < s->successes.n; i++)
		if (s->successes.v[i].id == s->succ_id)
			s->succ = i;
	if (s->succ >= s->successes.n)
		s->succ = s->successes.n - 1;
	if (s->succ < 0)
		s->succ = 0;
	s->succ_id = s->successes.n ? s->successes.v[s->succ].id : 0;
	if (s->focus == F_SUCCESSES && s->successes.n == 0)
		s->focus = F_LINES;
}

void
domain_select_success(struct domain_state *s, int i)
{
	if (i >= s->successes.n)
		i = s->successes.n - 1;
	if (i < 0)
		i = 0;
	s->focus = F_SUCCESSES;
	s->succ = i;
	s->succ_id = s->successes.n ? s->successes.v[i].id : 0;
	s->succ_follow = true;
}

/* The selected entry's text: the detail pane wraps it under its head. */
static const char *
detail_text(const struct domain_state *s, const struct app *app)
{
	switch (s->focus) {
	case F_DOMAIN:
		return app->domains.dom[app->domain].motto;
	case F_SUCCESSES:
		return s->succ < s->successes.n ? s->successes.v[s->succ].toelichting : "";
	default:
		return s->detail.id ? s->detail.toelichting : "";
	}
}

/* The entry the detail shows (for its scroll and "laatst gewijzigd"). */
static struct edit_target
shown_entry(const struct domain_state *s, const struct app *app)
{
	const struct list_row *row;

	switch (s->focus) {
	case F_DOMAIN:
		return (struct edit_target){ &entity_domeinen, app->domains.dom[app->domain].id };
	case F_SUCCESSES:
		if (s->succ < s->successes.n)
			return (struct edit_target){ &entity_successen, s->successes.v[s->succ].id };
		return (struct edit_target){ NULL, 0 };
	default:
		row = list_row(s->list, s->list->cur);
		return row ? (struct edit_target){ &entity_actielijnen, row->id } : (struct edit_target){ NULL, 0 };
	}
}

/* Where the selected entry comes from: "Bron: …" and, for an actielijn
 * with a groep, "Groep: …" on the same line when they fit in w columns,
 * else on a second one (l2, "" when not). Returns the lines. */
static int
source_lines(const struct domain_state *s, const struct app *app, int w, char l1[SOURCE_MAX],
	     char l2[SOURCE_MAX])
{
	const char *bron = "", *groep = "";

	l2[0] = '\0';
	if (s->focus == F_DOMAIN)
		bron = app->domains.dom[app->domain].bron;
	else if (s->focus == F_SUCCESSES && s->succ < s->successes.n)
		bron = s->successes.v[s->succ].bron;
	else if (s->focus == F_LINES && s->detail.id)
		bron = s->detail.bron, groep = s->detail.groep;
	if (!*bron)
		bron = "—";
	if (*groep) {
		snprintf(l1, SOURCE_MAX, _("Bron: %s   Groep: %s"), bron, groep);
		if (text_width(l1) <= w)
			return 1;
		snprintf(l2, SOURCE_MAX, _("Groep: %s"), groep);
	}
	snprintf(l1, SOURCE_MAX, _("Bron: %s"), bron);
	return *l2 ? 2 : 1;
}

/* Lines a success's title takes when wrapped at width w, at most max. */
static int
title_lines(const struct success *it, int w, int max)
{
	int t = grid_wrap(NULL, (struct rect){ 0, 0, w - 8, 0 }, ROLE_NORMAL, it->titel, 0);

	return t < 1 ? 1 : t > max ? max : t;
}

/* Lines a success takes in the successes pane at width w: one, its title
 * cut; or with room, its title and explanation wrapped (each in at most
 * s->expl_lines). */
static int
success_lines(const struct domain_state *s, int i, int w)
{
	const struct success *it = &s->successes.v[i];
	int e = 0;

	if (!s->expl)
		return 1;
	if (*it->toelichting)
		e = grid_wrap(NULL, (struct rect){ 0, 0, w - 8, 0 }, ROLE_DIM, it->toelichting, 0);
	return title_lines(it, w, s->expl_lines) + (e > s->expl_lines ? s->expl_lines : e);
}

/* Lines all successes take (with their heading). */
static int
successes_need(const struct domain_state *s, int w)
{
	int n = 1;

	for (int i = 0; i < s->successes.n; i++)
		n += success_lines(s, i, w);
	return n + (s->successes.n == 0);
}

/* Keeps the first success shown in range and, after keys moved the
 * selection, the selected one in sight in r (the rows under the
 * heading). */
static void
scroll_successes(struct domain_state *s, struct rect r)
{
	int used;

	if (s->succ_top > s->successes.n - 1)
		s->succ_top = s->successes.n - 1;
	if (s->succ_top < 0)
		s->succ_top = 0;
	if (!s->succ_follow || s->focus != F_SUCCESSES)
		return;
	if (s->succ < s->succ_top)
		s->succ_top = s->succ;
	for (;;) {
		used = 0;
		for (int i = s->succ_top; i <= s->succ && i < s->successes.n; i++)
			used += success_lines(s, i, r.w);
		if (used <= r.h || s->succ_top >= s->succ)
			break;
		s->succ_top++;
	}
}

void
domain_detail_layout(struct domain_state *s, struct app *app, struct rect r)
{
	const struct list_row *row = list_row(s->list, s->list->cur);
	char l1[SOURCE_MAX], l2[SOURCE_MAX];
	struct edit_target t;
	int need, succ_h, detail_h;

	domain_load_successes(s, app);
	if (s->focus == F_LINES && row && s->detail_id != row->id) {
		if (actielijn_detail_load(app->db, row->id, &s->detail) < 0)
			app_result(app, db_result(app->db));
		s->detail_id = row->id;
	}
	if (s->focus == F_LINES && !row) {
		actielijn_detail_free(&s->detail);
		s->detail_id = -1;
	}
	t = shown_entry(s, app);
	if (t.e != s->skip_for.e || t.id != s->skip_for.id)
		s->skip = 0;	/* another entry: its text from the top */
	s->skip_for = t;
	snprintf(s->changed, sizeof(s->changed), "%s", t.e ? app_last_changed(app, t.e, t.id) : "");
	s->head_lines = 2 + source_lines(s, app, r.w - 2, l1, l2) + (*s->changed != '\0');
	s->text_lines = grid_wrap(NULL, (struct rect){ 0, 0, r.w - 2, 0 }, ROLE_NORMAL, detail_text(s, app), 0);
	if (s->text_lines < 1)
		s->text_lines = 1;
	/* the successes: all of them with explanations, as long as they fit,
	 * else titles only */
	detail_h = s->head_lines + s->text_lines;
	s->expl = true;
	for (size_t k = 0; k < sizeof(expl_limits) / sizeof(expl_limits[0]); k++) {
		s->expl_lines = expl_limits[k];
		if ((need = successes_need(s, r.w)) + detail_h + 1 <= r.h)
			break;
	}
	if (need + detail_h + 1 > r.h) {
		s->expl = false;
		need = successes_need(s, r.w);
	}
	succ_h = need;
	if (succ_h > r.h - detail_h - 1)	/* the detail comes first, down to a third */
		succ_h = r.h - detail_h - 1;
	if (succ_h < r.h / 3)
		succ_h = need < r.h / 3 ? need : r.h / 3;
	if (succ_h < 2)
		succ_h = 2;
	detail_h = r.h - succ_h - 1;
	if (detail_h > s->head_lines + s->text_lines)
		detail_h = s->head_lines + s->text_lines;
	if (detail_h < 0)
		detail_h = 0;
	s->detail_r = (struct rect){ r.x, r.y, r.w, detail_h };
	s->succ_r = (struct rect){ r.x, r.y + detail_h + 1, r.w, r.h - detail_h - 1 };
	if (s->skip > s->text_lines - (detail_h - s->head_lines))
		s->skip = s->text_lines - (detail_h - s->head_lines);
	if (s->skip < 0)
		s->skip = 0;
	scroll_successes(s, (struct rect){ s->succ_r.x, s->succ_r.y + 1, s->succ_r.w, s->succ_r.h - 1 });
	app_zone(app, s->detail_r, ZONE_PANE, PANE_DETAIL);
	app_zone(app, s->succ_r, ZONE_PANE, PANE_SUCCESSES);
	for (int i = s->succ_top, y = s->succ_r.y + 1; i < s->successes.n && y < s->succ_r.y + s->succ_r.h; i++) {
		int h = success_lines(s, i, s->succ_r.w);

		app_zone(app, (struct rect){ r.x, y, r.w, h }, ZONE_ITEM, ITEM_SUCCESS(i));
		y += h;
	}
}

/* The successes from the first shown: the year, the title and (with the
 * room) the explanation; the selected one highlighted. */
static void
draw_successes(const struct domain_state *s, struct grid *g)
{
	struct rect r = s->succ_r;
	char line[400], n[32];
	int y = r.y, bottom = r.y + r.h;

	if (r.h <= 0)
		return;
	snprintf(line, sizeof(line), _("Successen (%s)"), i18n_count(s->successes.n, n));
	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, line, false);
	for (int i = s->succ_top; i < s->successes.n && y < bottom; i++) {
		const struct success *it = &s->successes.v[i];
		int h = success_lines(s, i, r.w), room = bottom - y < h ? bottom - y : h, t;

		snprintf(line, sizeof(line), "%d", it->jaar);
		grid_text(g, r.x + 1, y, 5, ROLE_NORMAL, line);
		if (!s->expl) {
			grid_text(g, r.x + 7, y, r.w - 8, ROLE_NORMAL, it->titel);
		} else {
			t = title_lines(it, r.w, s->expl_lines);
			render_wrap(g, (struct rect){ r.x + 7, y, r.w - 8, t < room ? t : room }, ROLE_NORMAL, it->titel, 0);
			if (room > t)
				render_wrap(g, (struct rect){ r.x + 7, y + t, r.w - 8, room - t }, ROLE_DIM, it->toelichting, 0);
		}
		if (s->focus == F_SUCCESSES && i == s->succ)
			for (int k = 0; k < room; k++)
				grid_paint(g, r.x, y + k, r.w, ROLE_SEL);
		y += h;
	}
	if (s->successes.n == 0 && y < bottom)
		grid_text(g, r.x + 1, y, r.w - 2, ROLE_DIM, _("(nog geen successen: a voegt er een toe)"));
}

void
domain_detail_draw(const struct domain_state *s, const struct app *app, struct grid *g)
{
	const struct domain *dom = &app->domains.dom[app->domain];
	struct rect r = s->detail_r, text;
	char line[600], per[64], l1[SOURCE_MAX], l2[SOURCE_MAX];
	const char *title = "", *body = detail_text(s, app);
	int y = r.y;

	draw_successes(s, g);
	if (r.h <= 0)
		return;
	switch (s->focus) {
	case F_DOMAIN:
		title = dom->naam;
		snprintf(line, sizeof(line), _("Code: %s   Soort: %s"), dom->code,
			 dom->theme ? SOORT_THEMA : SOORT_DOMEIN);
		break;
	case F_SUCCESSES:
		if (s->succ >= s->successes.n)
			return;
		title = s->successes.v[s->succ].titel;
		snprintf(line, sizeof(line), _("Succes %d"), s->successes.v[s->succ].jaar);
		break;
	default:
		if (!s->detail.id)
			return;
		title = s->detail.titel;
		domain_period(s->detail.start, s->detail.eind, per, sizeof(per));
		snprintf(line, sizeof(line), _("Trekker: %s   Status: %s   %s"),
			 *s->detail.trekker ? s->detail.trekker : "—", status_word(s->detail.status), per);
		break;
	}
	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, title, true);
	if (y < r.y + r.h)
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, line);
	source_lines(s, app, r.w - 2, l1, l2);
	if (y < r.y + r.h)
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, l1);
	if (*l2 && y < r.y + r.h)
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, l2);
	if (*s->changed && y < r.y + r.h) {
		snprintf(line, sizeof(line), _("laatst gewijzigd: %s"), s->changed);
		grid_text(g, r.x + 1, y, r.w - 2, ROLE_DIM, line);
	}
	y = r.y + s->head_lines;
	text = (struct rect){ r.x + 1, y, r.w - 2, r.y + r.h - y };
	if (text.h <= 0)
		return;
	if (*body)
		render_wrap(g, text, ROLE_NORMAL, body, s->skip);
	else
		grid_text(g, text.x, text.y, text.w, ROLE_DIM,
			  s->focus == F_DOMAIN ? _("(geen motto)") : _("(geen toelichting)"));
}
