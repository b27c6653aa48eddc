/*
 * The entity tables (src/core/entity.c) and the SQL schema (the
 * migrations in src/store/) describe the same tables: every field is a
 * column of its table (reference fields as <column>_id), and every column
 * but the id is a field, so a field added to one and not the other fails
 * here.
 */
#include <criterion/criterion.h>

#include "helpers.h"

Test(entity, every_field_is_a_column_and_every_column_a_field)
{
	struct db *db = test_db_with_domains();

	for (int i = 0; i < entity_count; i++) {
		const struct entity *e = entities[i];
		char sql[256];
		long long ncols;

		for (int j = 0; j < e->nfields; j++) {
			const struct field *f = &e->fields[j];
			bool ref = f->type == FT_DOMAIN || f->type == FT_MEETING || f->type == FT_ACTIELIJN;

			snprintf(sql, sizeof(sql),
				 "SELECT count(*) FROM pragma_table_info('%s') WHERE name = '%s%s'",
				 e->name, f->column, ref ? "_id" : "");
			cr_expect_eq(test_int(db, sql), 1, "%s.%s%s: a field without a column", e->name,
				     f->column, ref ? "_id" : "");
		}
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM pragma_table_info('%s') WHERE name <> 'id'",
			 e->name);
		ncols = test_int(db, sql);
		cr_expect_eq(ncols, e->nfields, "%s: %lld columns besides id, %d fields", e->name, ncols,
			     e->nfields);
	}
	db_close(db);
}

/* The quoted words of the CHECK (col = '...' OR col = '...') of table's
 * column col in its CREATE TABLE text, '|'-separated into out. */
static void
check_values(struct db *db, const char *table, const char *col, char *out, size_t outsz)
{
	char sql[256], pat[64];
	const char *ddl, *p, *end;

	snprintf(sql, sizeof(sql), "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '%s'", table);
	ddl = test_text(db, sql);
	snprintf(pat, sizeof(pat), "CHECK (%s = ", col);
	out[0] = '\0';
	cr_assert_not_null(p = strstr(ddl, pat), "%s.%s has no CHECK of its values", table, col);
	end = strchr(p, ')');
	while ((p = strchr(p, '\'')) && p < end) {
		const char *q = strchr(p + 1, '\'');

		snprintf(out + strlen(out), outsz - strlen(out), "%s%.*s", *out ? "|" : "", (int)(q - p - 1), p + 1);
		p = q + 1;
	}
}

/* Choice fields: the database takes exactly the values of the entity
 * table, so the one vocabulary and the schema's copy cannot drift. */
Test(entity, the_schema_allows_exactly_the_values_of_each_choice_field)
{
	struct db *db = test_db_with_domains();
	int checked = 0;

	for (int i = 0; i < entity_count; i++) {
		const struct entity *e = entities[i];

		for (int j = 0; j < e->nfields; j++) {
			const struct field *f = &e->fields[j];
			char want[256] = "", got[256];

			if (f->type != FT_ENUM)
				continue;
			cr_assert_leq(field_value_count(f), ENTITY_MAX_VALUES);
			for (const struct enum_value *v = f->values; v->value; v++)
				snprintf(want + strlen(want), sizeof(want) - strlen(want), "%s%s", *want ? "|" : "",
					 v->value);
			check_values(db, e->name, f->column, got, sizeof(got));
			cr_expect_str_eq(got, want, "%s.%s", e->name, f->column);
			checked++;
		}
	}
	cr_assert_geq(checked, 5, "soort twice, status three times");
	db_close(db);
}

/* The dashboard's order of the statuses of work comes from the table's
 * `shown`: what is going on first; every value exactly once. */
Test(entity, statuses_of_work_have_a_display_order)
{
	const struct field *f = &entity_actielijnen.fields[entity_field_index(&entity_actielijnen, "status")];
	const char *const want[] = { STATUS_LOPEND, STATUS_GEPLAND, STATUS_AFGEROND, STATUS_GEPAUZEERD,
				     STATUS_GESTOPT };

	cr_assert_eq(field_value_count(f), 5);
	for (int i = 0; i < 5; i++)
		cr_expect_str_eq(field_value_shown(f, i), want[i]);
	cr_assert_null(field_value_shown(f, 5));
	cr_assert_str_eq(f->values[0].value, STATUS_GEPLAND, "a new entry starts at the first: gepland");
}
