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
DESTDIR  ?=

CC       ?= cc
PKGS      = ncursesw formw menuw panelw sqlite3
CFLAGS   ?= -O2 -g
WARNINGS  = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wcast-qual -Wwrite-strings -Wpointer-arith -Wundef
# Evaluated when a recipe runs, so `make deps` can install them first.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=c11 $(WARNINGS) $(WERROR) -Iinclude $(PKG_CFLAGS) \
             -DSNW_DATADIR='"$(DATADIR)"' -DSNW_VERSION='"$(VERSION)"' $(CFLAGS) $(EXTRA_CFLAGS)
LIBS      = $(PKG_LIBS) -lcsv -lm
VERSION   = 0.1.0

BUILD    ?= build
SRCS      = $(sort $(wildcard src/*.c))
LIB_SRCS  = $(filter-out src/main.c,$(SRCS))
OBJS      = $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJS  = $(LIB_SRCS:src/%.c=$(BUILD)/obj/%.o)
TEST_SRCS = $(sort $(wildcard tests/*.c))
TEST_OBJS = $(TEST_SRCS:tests/%.c=$(BUILD)/obj/tests/%.o)

.PHONY: all run test unit e2e bench install uninstall clean deps test-deps \
        check-asan check-valgrind fuzz lint-man

all: $(BUILD)/snw

$(BUILD)/snw: $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(LIBS) $(LDFLAGS)

$(BUILD)/obj/%.o: src/%.c $(wildcard include/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/tests/%.o: tests/%.c $(wildcard include/*.h) $(wildcard tests/*.h) | $(BUILD)/obj/tests
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Itests -c -o $@ $<

$(BUILD)/unit-tests: $(LIB_OBJS) $(TEST_OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $(LIB_OBJS) $(TEST_OBJS) $(LIBS) -lcriterion $(LDFLAGS)

$(BUILD)/obj $(BUILD)/obj/tests:
	mkdir -p $@

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
	$(call need,pkg-config --exists ncursesw formw menuw panelw,libncurses-dev)
	$(call need,pkg-config --exists sqlite3,libsqlite3-dev)
	$(call need,test -f /usr/include/csv.h,libcsv-dev)

test-deps: deps
	$(call need,pkg-config --exists criterion,libcriterion-dev)
	$(call need,command -v tmux,tmux)
	$(call need,command -v sqlite3,sqlite3)
	$(call need,test -f /usr/share/terminfo/x/xterm-256color -o -f /lib/terminfo/x/xterm-256color,ncurses-term)

# --- the two README commands -------------------------------------------------
run: deps
	@$(MAKE) --no-print-directory all
	./$(BUILD)/snw

test: test-deps
	@$(MAKE) --no-print-directory WERROR=-Werror all $(BUILD)/unit-tests
	@$(MAKE) --no-print-directory unit e2e

unit: $(BUILD)/unit-tests
	SNW_DATADIR=$(CURDIR)/data ./$(BUILD)/unit-tests --jobs 2

e2e: $(BUILD)/snw
	SNW=$(CURDIR)/$(BUILD)/snw SNW_DATADIR=$(CURDIR)/data sh tests/e2e/run.sh

# --- install -----------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/snw $(DESTDIR)$(BINDIR)/snw
	install -m 644 data/*.csv $(DESTDIR)$(DATADIR)/
	install -m 644 man/snw.1 $(DESTDIR)$(MANDIR)/man1/snw.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/snw $(DESTDIR)$(MANDIR)/man1/snw.1
	rm -rf $(DESTDIR)$(DATADIR)

lint-man:
	mandoc -Tlint -W warning man/snw.1

clean:
	rm -rf $(BUILD)

# --- benchmark (issue 5; not part of make test) -------------------------------
#   make bench                      import vs sqlite3 .import, dashboard at 1M rows
#   BENCH_QUICK=1 make bench        100,000 rows only
# See tests/bench/run.sh for the other knobs; it writes README.md's
# Performance section.
BENCH_TOOLS = $(BUILD)/bench/gen $(BUILD)/bench/timeit $(BUILD)/bench/bench_ui

$(BUILD)/bench/gen $(BUILD)/bench/timeit: $(BUILD)/bench/%: tests/bench/%.c | $(BUILD)/bench
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS)

$(BUILD)/bench/bench_ui: tests/bench/bench_ui.c $(LIB_OBJS) $(wildcard include/*.h) | $(BUILD)/bench
	$(CC) $(ALL_CFLAGS) -o $@ tests/bench/bench_ui.c $(LIB_OBJS) $(LIBS) $(LDFLAGS)

$(BUILD)/bench:
	mkdir -p $@

bench: deps
	$(call need,command -v sqlite3,sqlite3)
	$(call need,command -v valgrind,valgrind)
	@$(MAKE) --no-print-directory all $(BENCH_TOOLS)
	BUILD=$(BUILD) MAKE=$(MAKE) sh tests/bench/run.sh
