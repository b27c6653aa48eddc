/*
 * gen: writes a synthetic actielijnen.csv in the form Excel (NL) saves it,
 * for `make bench`.
 *
 *   gen ROWS [FILE]        (FILE "-" or missing: standard output)
 *
 * UTF-8 with a BOM, ';' between fields, CRLF at the end of rows, dates as
 * d-m-yyyy, the five real domains by full name (the first holds a comma,
 * so it is quoted), unique titles, Dutch text with diacritics. About 10%
 * of the rows quote a doubled quote ("") inside a value and about 5% a
 * line break (LF, as Excel writes one inside a cell). The output depends
 * only on ROWS: the random numbers come from a fixed seed.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const domains[] = {
	"\"Eigenaarschap, Inclusie en Democratie\"",
	"Veiligheid",
	"Werk en Bestaanszekerheid",
	"Wonen en Leefomgeving",
	"Kansen voor de Jeugd",
};

static const char *const statuses[] = { "gepland", "lopend", "afgerond", "gepauzeerd", "gestopt" };

/* Pieces of titles: verb phrase, subject, place. */
static const char *const t_verb[] = {
	"Versterken van", "Creëren van", "Opzetten van", "Uitbreiden van", "Verbeteren van",
	"Samenwerken aan", "Ondersteunen van", "Doorontwikkelen van", "Borgen van",
	"Financieren van", "Evalueren van", "Coördineren van",
};
static const char *const t_what[] = {
	"de wijkcoöperatie", "buurtbudgetten", "jongerenwerk", "schuldhulpverlening",
	"taalcafés", "de brede school", "energiecoaches", "huurdersbelangen",
	"groen op het plein", "de moskee-dialoog", "naïeve bewonersinitiatieven",
	"stageplekken", "sportverenigingen", "mantelzorg", "de voedselbank",
	"een veilige schoolroute", "het buurthuis", "ondernemers in de winkelstraat",
	"laaggeletterdheid", "de reünie van oud-leerlingen",
};
static const char *const t_where[] = {
	"Geuzenveld", "Slotermeer", "Osdorp", "De Aker", "Nieuw-Sloten", "Slotervaart",
	"Overtoomse Veld", "Wildeman", "Lutkemeer", "Eendracht", "Middelveldsche Akerpolder",
	"Sloterdijk",
};

/* Words of explanations. */
static const char *const words[] = {
	"bewoners", "alliantie", "coöperatie", "creëren", "ideeën", "financiële", "ruimte",
	"één", "geïnteresseerd", "naïef", "café", "privé", "reünie", "zeeën", "België",
	"stadsdeel", "gemeente", "corporatie", "school", "jongeren", "ouders", "wijk",
	"netwerk", "afspraken", "monitor", "resultaten", "samen", "met", "voor", "door",
	"en", "de", "het", "een", "van", "in", "op", "om", "te", "worden", "werken",
	"leren", "vertrouwen", "gezondheid", "armoede", "schulden", "werkgevers",
	"vrijwilligers", "ondernemers", "partners", "projecten", "plannen", "begroting",
	"evaluatie", "pilot", "aanpak", "programma", "Nieuw-West", "Amsterdam", "buurt",
};

/* Owners: people and organisations. */
static const char *const owners[] = {
	"Ünver Yılmaz", "Noor de Vries", "Fatima El Khatib", "Joëlle Bakker", "Daniël Kramer",
	"Coöperatie De Eendracht", "Stichting Wijkcentrum Slotermeer", "Sena Öztürk",
	"Chloë van Dijk", "René Visser", "Zoë Jansen", "Raphaël Mulder", "Inès Haddou",
	"Programmateam SNW", "Gemeente Amsterdam, stadsdeel Nieuw-West", "Ahmed Amrani",
	"",
};

/* splitmix64: small, fast, the same everywhere. */
static uint64_t rng_state = 0x5a4d4e2d57455354ULL;

static uint64_t
rng(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned
pick(unsigned n)
{
	return (unsigned)(rng() % n);
}

/* A day between 1-1-2024 and 31-12-2026 as day number 0 .. 1095. */
static void
day_to_date(int n, int *d, int *m, int *y)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	for (*y = 2024;; (*y)++) {
		int len = *y % 4 == 0 ? 366 : 365;

		if (n < len)
			break;
		n -= len;
	}
	for (*m = 1; *m <= 12; (*m)++) {
		int len = mdays[*m - 1] + (*m == 2 && *y % 4 == 0);

		if (n < len)
			break;
		n -= len;
	}
	*d = n + 1;
}

static void
put_date(FILE *fp, int n)
{
	int d, m, y;

	day_to_date(n, &d, &m, &y);
	fprintf(fp, "%d-%d-%d", d, m, y);
}

/* An explanation of about 150-300 bytes, quoted when it needs to be: with
 * a doubled quote in ~10% of rows, a line break in ~5%. */
static void
put_explanation(FILE *fp)
{
	unsigned r = pick(100);
	bool quote_inside = r < 10, newline = r >= 10 && r < 15;
	unsigned nwords = 18 + pick(18), quote_at = pick(nwords), nl_at = 1 + pick(nwords - 1);

	if (quote_inside || newline)
		fputc('"', fp);
	for (unsigned i = 0; i < nwords; i++) {
		const char *w = words[pick(N(words))];

		if (i)
			fputs(newline && i == nl_at ? ".\n" : " ", fp);
		if (quote_inside && i == quote_at)
			fprintf(fp, "\"\"%s\"\"", w);
		else
			fputs(w, fp);
	}
	fputc('.', fp);
	if (quote_inside || newline)
		fputc('"', fp);
}

int
main(int argc, char **argv)
{
	long long rows;
	char *end;
	FILE *fp = stdout;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: gen ROWS [FILE]\n");
		return 64;
	}
	errno = 0;
	rows = strtoll(argv[1], &end, 10);
	if (errno || *end || rows < 0) {
		fprintf(stderr, "gen: %s: not a number of rows\n", argv[1]);
		return 64;
	}
	if (argc == 3 && strcmp(argv[2], "-") != 0 && !(fp = fopen(argv[2], "wb"))) {
		fprintf(stderr, "gen: %s: %s\n", argv[2], strerror(errno));
		return 73;
	}
	static char iobuf[1 << 16];
	setvbuf(fp, iobuf, _IOFBF, sizeof(iobuf));

	fputs("\xef\xbb\xbf" "domein;titel;toelichting;trekker;status;start;eind\r\n", fp);
	for (long long i = 0; i < rows; i++) {
		int start = (int)pick(1096 - 30), len = 30 + (int)pick(700);

		if (start + len > 1095)
			len = 1095 - start;
		fputs(domains[i % N(domains)], fp);
		/* The row number keeps titles unique. */
		fprintf(fp, ";%s %s in %s (%lld);", t_verb[pick(N(t_verb))], t_what[pick(N(t_what))],
			t_where[pick(N(t_where))], i + 1);
		put_explanation(fp);
		fprintf(fp, ";%s;%s;", owners[pick(N(owners))], statuses[pick(N(statuses))]);
		put_date(fp, start);
		fputc(';', fp);
		put_date(fp, start + len);
		fputs("\r\n", fp);
	}
	if (fflush(fp) != 0 || (fp != stdout && fclose(fp) != 0)) {
		fprintf(stderr, "gen: write error: %s\n", strerror(errno));
		return 74;
	}
	return 0;
}
