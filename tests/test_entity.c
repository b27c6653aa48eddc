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
