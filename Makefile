# snw — terminal dashboard for the Nationaal Programma Samen Nieuw-West.
#
#   make            build build/snw
#   make run        install what is missing, build, open the dashboard
#   make test       install what is missing, build with -Werror, run every test
#   make bench      performance benchmark (not part of make test)
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/snw
MANDIR   ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR  ?=

CC       ?= cc
PKGS      = ncursesw sqlite3 libutf8proc
CFLAGS   ?= -O2 -g
WARNINGS  = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wcast-qual -Wwrite-strings -Wpointer-arith -Wundef
# Evaluated when a recipe runs, so `make deps` can install them first.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=c11 $(WARNINGS) $(WERROR) -Iinclude $(PKG_CFLAGS) \
             -DSNW_DATADIR='"$(DATADIR)"' -DSNW_LOCALEDIR='"$(LOCALEDIR)"' \
             -DSNW_VERSION='"$(VERSION)"' $(CFLAGS) $(EXTRA_CFLAGS)
LIBS      = $(PKG_LIBS) -lcsv -lm -pthread
VERSION   = 0.1.0

# The layers, lowest first: src/core (text, dates, the entity tables),
# src/store (the only SQLite code), src/model (read models), src/tui (the
# dashboard), src/cli (the commands). Headers mirror them under include/.
# `make check-layers` keeps that order.
BUILD    ?= build
SRCS      = $(sort $(shell find src -name '*.c'))
HEADERS   = $(shell find include src -name '*.h')
LIB_SRCS  = $(filter-out src/cli/main.c,$(SRCS))
OBJS      = $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJS  = $(LIB_SRCS:src/%.c=$(BUILD)/obj/%.o)
TEST_SRCS = $(sort $(wildcard tests/*.c))
TEST_OBJS = $(TEST_SRCS:tests/%.c=$(BUILD)/test-obj/%.o)
PO_LANGS  = en
MO_FILES  = $(PO_LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/snw.mo)

.PHONY: all run test unit e2e bench install uninstall clean deps test-deps \
        check-asan check-valgrind check-layers check-po check-strings pot fuzz lint-man golden check-browser

all: $(BUILD)/snw $(MO_FILES)

# Compiler lines are shown as "CC file"; `make V=1` shows them whole.
Q = $(if $(V),,@)
say = $(if $(V),,@echo "  $(1)	$(2)")

$(BUILD)/snw: $(OBJS)
	$(call say,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(LIBS) $(LDFLAGS)

# Objects are built again when the flags change (make, then make test with
# -Werror): the stamp's name is a checksum of the flags.
FLAGS_STAMP = $(BUILD)/flags-$(shell echo '$(ALL_CFLAGS)' | cksum | cut -d' ' -f1)
$(FLAGS_STAMP):
	@mkdir -p $(@D) && rm -f $(BUILD)/flags-* && touch $@

# -MMD -MP: every object depends on the headers it includes, no more.
$(BUILD)/obj/%.o: src/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/test-obj/%.o: tests/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -Wno-missing-prototypes -Itests -c -o $@ $<

$(BUILD)/unit-tests: $(LIB_OBJS) $(TEST_OBJS)
	$(call say,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(LIB_OBJS) $(TEST_OBJS) $(LIBS) -lcriterion $(LDFLAGS)

-include $(OBJS:.o=.d) $(TEST_OBJS:.o=.d)

# --- language (include/core/i18n.h) --------------------------------------------
# The msgids are Dutch; po/en.po translates them. `make pot` collects the
# messages of src/ into po/snw.pot and brings po/en.po up to date with it;
# `make check-po` (part of make test) fails when the .pot is stale, when
# en.po leaves a message untranslated or fuzzy, or msgfmt --check complains.
XGETTEXT  = xgettext --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: \
            --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=_n:1,2 \
            --package-name=snw --package-version=$(VERSION) --no-wrap --sort-by-file --add-location=file

$(BUILD)/locale/%/LC_MESSAGES/snw.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# The messages are in the sources and in the headers that hold tables of
# them (include/tui/keys.h).
POT_SRCS  = $(SRCS) $(sort $(shell find include src -name '*.h'))

pot:
	$(XGETTEXT) -o po/snw.pot $(POT_SRCS)
	for l in $(PO_LANGS); do msgmerge --quiet --update --backup=none --no-wrap po/$$l.po po/snw.pot; done

check-po:
	@sh tests/po.sh "$(XGETTEXT)" $(PO_LANGS)

# Fails when a literal of src/ or include/ that a person reads does not go
# through gettext (tests/i18n_strings.py says how it decides, and
# tests/i18n_allow.txt lists what is not text for people); then shows
# that it catches a deliberately unmarked sentence.
check-strings:
	$(call need,command -v /usr/bin/python3,python3)
	@/usr/bin/python3 tests/i18n_strings.py . && sh tests/i18n_strings_test.sh

# --- dependencies ------------------------------------------------------------
# Each check installs its Debian package only when it fails.
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT  = $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get
define need
	@if ! $(1) >/dev/null 2>&1; then \
	  echo "snw: installing $(2)"; \
	  { [ -n "$$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || $(APT) update -qq; } && \
	  { $(APT) install -y -qq $(2) >/dev/null || { $(APT) update -qq && $(APT) install -y -qq $(2) >/dev/null; }; }; \
	fi
endef

deps:
	$(call need,command -v $(CC),gcc)
	$(call need,command -v pkg-config,pkg-config)
	$(call need,pkg-config --exists ncursesw,libncurses-dev)
	$(call need,pkg-config --exists sqlite3,libsqlite3-dev)
	$(call need,test -f /usr/include/csv.h,libcsv-dev)
	$(call need,pkg-config --exists libutf8proc,libutf8proc-dev)
	$(call need,command -v msgfmt,gettext)

# The document tests (t_cli_report.sh) read the HTML with a real HTML5
# parser in strict mode (html5lib) and an XML parser (xmllint: the XML
# one, not its HTML 4 parser), and render the Markdown as GitHub does
# (cmark-gfm).
# The end-to-end tests also call pgrep, which a minimal Debian (debootstrap
# --variant=minbase) lacks; awk, setpriv and mount it has, but they are
# checked all the same. The rest of what the tests call (stat, od, cmp,
# diff, timeout, mktemp, dd, truncate, mkfifo, df, gzip, getent, ...) comes
# with Debian's essential packages. make check-fresh proves the list.
test-deps: deps
	$(call need,pkg-config --exists criterion,libcriterion-dev)
	$(call need,command -v tmux,tmux)
	$(call need,command -v sqlite3,sqlite3)
	$(call need,test -f /usr/share/terminfo/x/xterm-256color -o -f /lib/terminfo/x/xterm-256color,ncurses-term)
	$(call need,command -v pgrep,procps)
	$(call need,command -v awk,mawk)
	$(call need,command -v setpriv,util-linux)
	$(call need,command -v mount,mount)
	$(call need,/usr/bin/python3 -c 'import html5lib',python3-html5lib)
	$(call need,command -v xmllint,libxml2-utils)
	$(call need,command -v cmark-gfm,cmark-gfm)

# --- the two README commands -------------------------------------------------
run: deps
	@$(MAKE) --no-print-directory all
	./$(BUILD)/snw

test: test-deps
	@$(MAKE) --no-print-directory check-layers check-po check-strings
	@$(MAKE) --no-print-directory WERROR=-Werror all $(BUILD)/unit-tests
	@$(MAKE) --no-print-directory WERROR=-Werror unit e2e

# Fails when a lower layer includes a higher one, or sqlite3.h, curses or
# libcsv is used outside the layer that owns it (tests/layers.sh).
check-layers:
	@sh tests/layers.sh . && sh tests/layers_test.sh

unit: $(BUILD)/unit-tests $(MO_FILES)
	SNW_DATADIR=$(CURDIR)/data SNW_LOCALEDIR=$(CURDIR)/$(BUILD)/locale ./$(BUILD)/unit-tests --jobs 2

e2e: $(BUILD)/snw
	SNW=$(CURDIR)/$(BUILD)/snw SNW_DATADIR=$(CURDIR)/data sh tests/e2e/run.sh

# --- install -----------------------------------------------------------------
# The man page in English (man snw) and in Dutch (man -L nl snw), the
# catalogues the language needs (include/core/i18n.h).
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/nl/man1
	install -m 755 $(BUILD)/snw $(DESTDIR)$(BINDIR)/snw
	install -m 644 data/*.csv data/peildatum $(DESTDIR)$(DATADIR)/
	install -m 644 man/snw.1 $(DESTDIR)$(MANDIR)/man1/snw.1
	install -m 644 man/nl/snw.1 $(DESTDIR)$(MANDIR)/nl/man1/snw.1
	for l in $(PO_LANGS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/snw.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/snw.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/snw $(DESTDIR)$(MANDIR)/man1/snw.1 $(DESTDIR)$(MANDIR)/nl/man1/snw.1
	for l in $(PO_LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/snw.mo; done
	rm -rf $(DESTDIR)$(DATADIR)

# Both man pages, as mandoc reads them (installed when it is missing).
lint-man:
	$(call need,command -v mandoc,mandoc)
	mandoc -Tlint -W warning man/snw.1 man/nl/snw.1

# --- documents (issue 15) -------------------------------------------------------
#   make golden         writes tests/golden/ anew from the shipped data
#                       (t_cli_report.sh compares with it); look at the diff
#   make check-browser  renders the HTML report and minutes with headless
#                       Chromium (installed here only) to PNG and PDF in
#                       $(BUILD)/browser/; fails when the browser reports an
#                       error of the page
golden: all
	sh tests/golden/make.sh $(CURDIR)/$(BUILD)/snw $(CURDIR)/data tests/golden

check-browser: deps
	$(call need,command -v chromium,chromium)
	@$(MAKE) --no-print-directory all
	sh tests/browser.sh $(CURDIR)/$(BUILD)/snw $(CURDIR)/data $(BUILD)/browser

clean:
	rm -rf $(BUILD)

# --- hardening checks (issue 6) ----------------------------------------------
#   make check-asan                 the Criterion suite under ASan + UBSan
#   make check-valgrind             the e2e tests of build/snw under memcheck
#   make fuzz FUZZ_SECONDS=N        libFuzzer over the whole import path, then
#                                   over the date parser, N seconds each
#                                   (and first fuzz-width)
#   make fuzz-width FUZZ_SECONDS=N  libFuzzer over the drawing rule and matching (core/text.h)
# A comma inside $(call need,...) arguments.
, := ,
SAN_FLAGS  = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
# allocator_may_return_null: running out of memory is snw's to report
# (include/core/alloc.h), and a test asks for more than there is.
SAN_ENV    = ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:strict_string_checks=1:allocator_may_return_null=1 \
             UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
FUZZ_SECONDS ?= 60
FUZZ_CC    ?= clang
FUZZ_SRCS   = $(wildcard src/cli/import*.c) src/cli/progress.c $(wildcard src/store/*.c) \
              src/core/entity.c src/core/text.c src/core/date.c src/core/fault.c src/core/i18n.c \
              src/core/text_draw.c src/core/text_fold.c src/core/alloc.c src/core/message.c
FUZZ_FLAGS  = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

.PHONY: asan-deps fuzz-deps valgrind-deps

asan-deps: test-deps
	$(call need,echo 'int main(void){return 0;}' | $(CC) -x c -fsanitize=address$(,)undefined -o /dev/null -,libasan8 libubsan1)

# clang and its sanitizer runtimes (libclang-rt-dev is Debian's name for
# the default clang's libclang-rt-N-dev, which holds libFuzzer).
fuzz-deps: deps
	$(call need,command -v $(FUZZ_CC),clang)
	$(call need,echo 'int LLVMFuzzerTestOneInput(const char *d$(,) unsigned long n){(void)d;(void)n;return 0;}' | $(FUZZ_CC) -x c -fsanitize=fuzzer$(,)address$(,)undefined -o /dev/null -,libclang-rt-dev)

valgrind-deps: test-deps
	$(call need,command -v valgrind,valgrind)

check-asan: asan-deps
	@$(MAKE) --no-print-directory BUILD=build/asan CFLAGS="-O1 -g" \
	  EXTRA_CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" build/asan/unit-tests build/asan/locale/en/LC_MESSAGES/snw.mo
	@# a leak in a test's own process does not fail that test: the log is read too
	SNW_DATADIR=$(CURDIR)/data SNW_LOCALEDIR=$(CURDIR)/build/asan/locale $(SAN_ENV) \
	  ./build/asan/unit-tests --jobs 2 >build/asan/log 2>&1; rc=$$?; cat build/asan/log; \
	  if grep -q 'ERROR: [A-Za-z]*Sanitizer' build/asan/log; then \
	    echo "check-asan: a sanitizer reported an error (above)"; exit 1; fi; exit $$rc

# Every CLI run of the e2e tests goes through tests/e2e/valgrind.sh; its
# reports land in build/valgrind/ and must all be empty. Left out: the
# tmux dashboard tests (t_dashboard_*: they wait for screens with short
# timeouts and find snw's process by name, both of which valgrind breaks),
# and the big imports that the crash test kills, which run the plain
# binary ($$SNW_REAL) because under valgrind they take minutes.
VG_TESTS = $$(cd tests/e2e && ls t_*.sh | grep -v '^t_dashboard_')
check-valgrind: valgrind-deps
	@$(MAKE) --no-print-directory all
	rm -rf $(BUILD)/valgrind && mkdir -p $(BUILD)/valgrind
	SNW=$(CURDIR)/tests/e2e/valgrind.sh SNW_REAL=$(CURDIR)/$(BUILD)/snw \
	  SNW_VG_LOGDIR=$(CURDIR)/$(BUILD)/valgrind SNW_DATADIR=$(CURDIR)/data \
	  sh tests/e2e/run.sh $(VG_TESTS)
	@bad=$$(find $(BUILD)/valgrind -type f -size +0 | sort); \
	if [ -n "$$bad" ]; then cat $$bad; echo "check-valgrind: memcheck reported errors (above)"; exit 1; fi; \
	echo "check-valgrind: $$(ls $(BUILD)/valgrind | wc -l) runs of snw, no memcheck errors"

$(BUILD)/fuzz/fuzz_import: tests/fuzz/fuzz_import.c $(FUZZ_SRCS) $(HEADERS)
	@mkdir -p $(BUILD)/fuzz
	$(FUZZ_CC) -std=c11 -g -O1 $(WARNINGS) -Iinclude $(PKG_CFLAGS) $(FUZZ_FLAGS) \
	  -o $@ tests/fuzz/fuzz_import.c $(FUZZ_SRCS) $(LIBS)

$(BUILD)/fuzz/fuzz_date: tests/fuzz/fuzz_date.c src/core/date.c src/core/i18n.c include/core/date.h
	@mkdir -p $(BUILD)/fuzz
	$(FUZZ_CC) -std=c11 -g -O1 $(WARNINGS) -Iinclude $(FUZZ_FLAGS) \
	  -o $@ tests/fuzz/fuzz_date.c src/core/date.c src/core/i18n.c

# New inputs found are kept in $(BUILD)/fuzz/corpus (date-corpus) for the
# next run; a crash, leak or timeout stops the run with the input in
# $(BUILD)/fuzz/.
fuzz: fuzz-deps
	@$(MAKE) --no-print-directory $(BUILD)/fuzz/fuzz_import $(BUILD)/fuzz/fuzz_date
	rm -rf $(BUILD)/fuzz/seeds && sh tests/fuzz/seeds.sh $(BUILD)/fuzz/seeds
	mkdir -p $(BUILD)/fuzz/corpus $(BUILD)/fuzz/date-corpus
	SNW_DATADIR=$(CURDIR)/data $(SAN_ENV) ./$(BUILD)/fuzz/fuzz_import \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -dict=tests/fuzz/import.dict -artifact_prefix=$(BUILD)/fuzz/ -print_final_stats=1 \
	  $(BUILD)/fuzz/corpus $(BUILD)/fuzz/seeds
	$(SAN_ENV) ./$(BUILD)/fuzz/fuzz_date \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=64 \
	  -dict=tests/fuzz/date.dict -artifact_prefix=$(BUILD)/fuzz/date- -print_final_stats=1 \
	  $(BUILD)/fuzz/date-corpus tests/fuzz/date-seeds

# The drawing rule and matching: widths as every kind of terminal counts
# them, the drawn form's promises, search finding every piece of a text.
FUZZ_WIDTH_SRCS = src/core/text.c src/core/text_draw.c src/core/text_fold.c src/tui/grid.c tests/terminals.c \
                  src/core/alloc.c src/core/i18n.c

.PHONY: fuzz-width
fuzz: fuzz-width

$(BUILD)/fuzz/fuzz_width: tests/fuzz/fuzz_width.c $(FUZZ_WIDTH_SRCS) $(HEADERS)
	@mkdir -p $(BUILD)/fuzz
	$(FUZZ_CC) -std=c11 -g -O1 $(WARNINGS) -Iinclude -Itests $(PKG_CFLAGS) $(FUZZ_FLAGS) \
	  -o $@ tests/fuzz/fuzz_width.c $(FUZZ_WIDTH_SRCS) $(LIBS)

fuzz-width: fuzz-deps
	@$(MAKE) --no-print-directory $(BUILD)/fuzz/fuzz_width
	mkdir -p $(BUILD)/fuzz/width-corpus
	$(SAN_ENV) ./$(BUILD)/fuzz/fuzz_width \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -dict=tests/fuzz/width.dict -artifact_prefix=$(BUILD)/fuzz/width- -print_final_stats=1 \
	  $(BUILD)/fuzz/width-corpus tests/fuzz/width-seeds

# --- benchmark (issue 5; not part of make test) -------------------------------
#   make bench                      import vs sqlite3 .import, dashboard at 1M rows
#   BENCH_QUICK=1 make bench        100,000 rows only
# See tests/bench/run.sh for the other knobs; it writes README.md's
# Performance section.
BENCH_TOOLS = $(BUILD)/bench/gen $(BUILD)/bench/timeit $(BUILD)/bench/bench_ui

$(BUILD)/bench/gen $(BUILD)/bench/timeit: $(BUILD)/bench/%: tests/bench/%.c | $(BUILD)/bench
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS)

$(BUILD)/bench/bench_ui: tests/bench/bench_ui.c $(LIB_OBJS) $(HEADERS) | $(BUILD)/bench
	$(CC) $(ALL_CFLAGS) -o $@ tests/bench/bench_ui.c $(LIB_OBJS) $(LIBS) $(LDFLAGS)

$(BUILD)/bench:
	mkdir -p $@

bench: deps
	$(call need,command -v sqlite3,sqlite3)
	$(call need,command -v valgrind,valgrind)
	@$(MAKE) --no-print-directory all $(BENCH_TOOLS)
	BUILD=$(BUILD) MAKE=$(MAKE) sh tests/bench/run.sh

# --- a fresh Debian (issue 18; not part of make test) -------------------------
#   make check-fresh                make test, then make run, each on a new
#                                   minimal Debian 12 chroot (root, archive)
# See tests/fresh/run.sh; the chroot, its cached base and the logs live in
# $(BUILD)/fresh.
.PHONY: check-fresh

check-fresh:
	$(call need,command -v debootstrap,debootstrap)
	$(call need,command -v tmux,tmux)
	sh tests/fresh/run.sh $(BUILD)/fresh
