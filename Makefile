# scio-tools: one non-recursive Makefile.  Override any of these on the
# command line (make CC=clang CFLAGS=-O0 PREFIX=$HOME/.local).
PREFIX     = /usr/local
BINDIR     = $(PREFIX)/bin
MANPREFIX  = $(PREFIX)/share/man
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
DESTDIR    =
CC         = cc
CFLAGS     = -O2 -g
LDFLAGS    =
PKG_CONFIG = pkg-config
AR         = ar
# SANITIZE=address,undefined builds everything with those sanitizers.
SANITIZE   =
# VALGRIND=1 runs make check's programs under valgrind's memcheck.
VALGRIND   =
# V=1 shows the whole command of each compile and link, not "CC file".
V          =

VERSION    = 0.1.0

# Project flags, kept apart so that a user's CFLAGS add to them.
SCIO_CPPFLAGS = -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DSCIO_VERSION='"$(VERSION)"'
WARNINGS      = -Wall -Wextra -Wformat=2 -Wformat-security -Wcast-qual -Wshadow
SCIO_CFLAGS   = -std=c11 $(WARNINGS) -fstack-protector-strong -fPIE -MMD -MP
SCIO_LDFLAGS  = -pie
ifneq ($(SANITIZE),)
SCIO_CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
SCIO_LDFLAGS += -fsanitize=$(SANITIZE)
BUILD         = build/san
else
SCIO_CPPFLAGS += -D_FORTIFY_SOURCE=2
BUILD         = build/default
endif

# Library flags from pkg-config; expanded when a recipe runs, which is after
# scripts/deps has installed whatever was missing.
XML_CFLAGS   = $(shell $(PKG_CONFIG) --cflags libxml-2.0)
XML_LIBS     = $(shell $(PKG_CONFIG) --libs libxml-2.0)
JSON_CFLAGS  = $(shell $(PKG_CONFIG) --cflags jansson)
JSON_LIBS    = $(shell $(PKG_CONFIG) --libs jansson)
CURL_CFLAGS  = $(shell $(PKG_CONFIG) --cflags libcurl)
CURL_LIBS    = $(shell $(PKG_CONFIG) --libs libcurl)
PCRE_CFLAGS  = $(shell $(PKG_CONFIG) --cflags libpcre2-8)
PCRE_LIBS    = $(shell $(PKG_CONFIG) --libs libpcre2-8)
ZLIB_CFLAGS  = $(shell $(PKG_CONFIG) --cflags zlib)
ZLIB_LIBS    = $(shell $(PKG_CONFIG) --libs zlib)
SQLITE_CFLAGS = $(shell $(PKG_CONFIG) --cflags sqlite3)
SQLITE_LIBS  = $(shell $(PKG_CONFIG) --libs sqlite3)
DEP_CFLAGS   = $(XML_CFLAGS) $(JSON_CFLAGS) $(CURL_CFLAGS) $(PCRE_CFLAGS) $(ZLIB_CFLAGS) \
	$(SQLITE_CFLAGS)

# Quiet build lines ("CC cmd/scio-grep.c"), as git and the kernel print.
ifeq ($(V),1)
QUIET_CC =
QUIET_AR =
QUIET_LD =
QUIET_GEN =
else
QUIET_CC = @printf '  CC      %s\n' '$<';
QUIET_AR = @printf '  AR      %s\n' '$@';
QUIET_LD = @printf '  LD      %s\n' '$@';
QUIET_GEN = @printf '  GEN     %s\n' '$@';
endif

ALL_CFLAGS   = $(SCIO_CPPFLAGS) $(CPPFLAGS) $(SCIO_CFLAGS) $(CFLAGS) $(DEP_CFLAGS)
ALL_LDFLAGS  = $(SCIO_LDFLAGS) $(LDFLAGS)

# What each program links, beyond libscio.a (zlib: every reader of records
# reads gzip too).
LIBS_scio-parse = $(XML_LIBS) $(JSON_LIBS) $(CURL_LIBS) $(ZLIB_LIBS)
LIBS_scio-fetch = $(CURL_LIBS) $(XML_LIBS) $(JSON_LIBS) $(ZLIB_LIBS)
LIBS_scio-grep  = $(PCRE_LIBS) $(JSON_LIBS) $(ZLIB_LIBS)
LIBS_scio-fmt   = $(JSON_LIBS) $(ZLIB_LIBS)
LIBS_scio-db    = $(SQLITE_LIBS) $(PCRE_LIBS) $(JSON_LIBS) $(ZLIB_LIBS) -lm
LIBS_scio-stats = $(PCRE_LIBS) $(JSON_LIBS) $(ZLIB_LIBS) -lm

PROGS    = $(patsubst cmd/%.c,%,$(wildcard cmd/scio-*.c))
BINS     = $(addprefix bin/,$(PROGS))
# Shell scripts installed beside the programs, their pages with the others.
SCRIPTS  = examples/cron/scio-nightly
MANS     = $(wildcard cmd/*.1) examples/cron/scio-nightly.1
MANS5    = $(wildcard man/*.5)
# The site's words (lib/parse/lexicon/*.txt) become C tables at build time.
LEXICON  = $(wildcard lib/parse/lexicon/*.txt)
GEN_SRCS = build/gen/lexicon_data.c
LIB_SRCS = $(wildcard lib/*/*.c) $(GEN_SRCS)
LIB_OBJS = $(patsubst %.c,$(BUILD)/%.o,$(LIB_SRCS))
LIBSCIO  = $(BUILD)/libscio.a
UNIT_SRCS = $(wildcard tests/unit/test-*.c)
UNITS    = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
DEPS_OK  = build/.deps-build

.PHONY: FORCE all check demo serve-sample bench install uninstall clean deps \
	deps-check fuzz fuzz-run torture

all: $(BINS)

# Installs (as root) or names (otherwise) the Debian packages we need.
$(DEPS_OK): scripts/deps
	@mkdir -p build
	@sh scripts/deps build
	@touch $@

deps: $(DEPS_OK)

deps-check: $(DEPS_OK)
	@sh scripts/deps check

$(BUILD)/%.o: %.c $(DEPS_OK)
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/gen/lexicon_data.c: $(LEXICON) scripts/gen-lexicon
	@mkdir -p $(@D)
	$(QUIET_GEN)sh scripts/gen-lexicon $(LEXICON) > $@.tmp && mv $@.tmp $@

$(LIBSCIO): $(LIB_OBJS)
	@rm -f $@
	$(QUIET_AR)$(AR) rcs $@ $(LIB_OBJS)

# bin/ always holds the last build made, sanitized or not; build/mode
# changes when SANITIZE does, so that bin/ is relinked.
build/mode: FORCE
	@mkdir -p build
	@echo '$(SANITIZE)' | cmp -s - $@ || echo '$(SANITIZE)' > $@

bin/%: $(BUILD)/cmd/%.o $(LIBSCIO) build/mode
	@mkdir -p bin
	$(QUIET_LD)$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBSCIO) $(LIBS_$*)

$(BUILD)/tests/test-%: $(BUILD)/tests/unit/test-%.o $(LIBSCIO)
	@mkdir -p $(@D)
	$(QUIET_LD)$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBSCIO) $(XML_LIBS) $(JSON_LIBS) \
		$(CURL_LIBS) $(PCRE_LIBS) $(ZLIB_LIBS)

# Fuzzing.  Each fuzz/fuzz-NAME.c is a libFuzzer target (clang, with
# ASan and UBSan): make fuzz builds build/fuzz/fuzz-NAME, make fuzz-run
# SECONDS=N runs each for N seconds (fuzz/run.sh).  Linked with
# fuzz/replay.c by $(CC) instead, it replays saved inputs: make check runs
# fuzz/regress/NAME/* and the seeds through $(BUILD)/fuzz/replay-NAME.
FUZZ_CC    = clang
FUZZ_FLAGS = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined
SECONDS    = 60
FUZZ_SRCS  = $(wildcard fuzz/fuzz-*.c)
FUZZERS    = $(patsubst fuzz/%.c,build/fuzz/%,$(FUZZ_SRCS))
REPLAYS    = $(patsubst fuzz/fuzz-%.c,$(BUILD)/fuzz/replay-%,$(FUZZ_SRCS))
ALL_LIBS   = $(XML_LIBS) $(JSON_LIBS) $(CURL_LIBS) $(PCRE_LIBS) $(ZLIB_LIBS) \
	$(SQLITE_LIBS) -lm

# The whole suite; it ends with one line "N passed, N failed".
check: deps-check $(BINS) $(UNITS) $(REPLAYS)
	@SCIO_UNITS="$(UNITS)" SCIO_REPLAYS="$(REPLAYS)" SCIO_VALGRIND="$(VALGRIND)" \
		sh tests/run.sh

# The kill harness with many trials (make check runs 20 of scio-fetch and
# 8 of scio-nightly): TRIALS=N NIGHTLY=N.
TRIALS  = 500
NIGHTLY = 100
torture: deps-check $(BINS)
	@PATH="$(CURDIR)/bin:$$PATH" /usr/bin/python3 tests/kill-harness.py \
		--trials $(TRIALS) --nightly $(NIGHTLY)

build/fuzz/%.o: %.c build/.deps-fuzz
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SCIO_CPPFLAGS) -std=c11 $(WARNINGS) -MMD -MP $(FUZZ_FLAGS) \
		-fsanitize=fuzzer-no-link $(DEP_CFLAGS) -c -o $@ $<

build/fuzz/libscio.a: $(patsubst %.c,build/fuzz/%.o,$(LIB_SRCS))
	@rm -f $@
	$(AR) rcs $@ $^

build/fuzz/fuzz-%: build/fuzz/fuzz/fuzz-%.o build/fuzz/libscio.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< build/fuzz/libscio.a $(ALL_LIBS)

build/.deps-fuzz: scripts/deps
	@mkdir -p build
	@sh scripts/deps fuzz
	@touch $@

fuzz: $(FUZZERS)

fuzz-run: fuzz
	@sh fuzz/run.sh $(SECONDS) $(FUZZERS)

$(BUILD)/fuzz/replay-%: $(BUILD)/fuzz/fuzz-%.o $(BUILD)/fuzz/replay.o $(LIBSCIO)
	$(QUIET_LD)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(ALL_LIBS)

# The demo needs the build's packages, python3 (its server) and jq only.
demo: $(DEPS_OK) $(BINS)
	@sh scripts/deps demo
	@sh scripts/demo

# Serves the bundled sample site on 127.0.0.1 and prints "export SITE=...",
# for running the README's and the guides' examples; Ctrl-C stops it.
serve-sample:
	@sh scripts/deps demo
	@sh scripts/sample-site

ONLY =
bench: $(BINS)
	@sh scripts/deps bench
	@sh bench/run.sh $(ONLY)

# Programs and scio-nightly, man pages (section 1 for each, section 5 for
# the records) and shell completions, all under $(DESTDIR)$(PREFIX).  The bash
# completion serves every program, so it goes in under each one's name.
install: $(BINS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	for p in $(PROGS); do cp -f bin/$$p $(DESTDIR)$(BINDIR)/$$p; \
		chmod 755 $(DESTDIR)$(BINDIR)/$$p; \
		cp -f completions/scio-tools.bash $(DESTDIR)$(BASHCOMPDIR)/$$p; \
		chmod 644 $(DESTDIR)$(BASHCOMPDIR)/$$p; done
	for s in $(SCRIPTS); do cp -f $$s $(DESTDIR)$(BINDIR)/; \
		chmod 755 $(DESTDIR)$(BINDIR)/$${s##*/}; done
	for m in $(MANS); do cp -f $$m $(DESTDIR)$(MANPREFIX)/man1/; \
		chmod 644 $(DESTDIR)$(MANPREFIX)/man1/$${m##*/}; done
	for m in $(MANS5); do cp -f $$m $(DESTDIR)$(MANPREFIX)/man5/; \
		chmod 644 $(DESTDIR)$(MANPREFIX)/man5/$${m##*/}; done
	cp -f completions/_scio $(DESTDIR)$(ZSHCOMPDIR)/_scio
	chmod 644 $(DESTDIR)$(ZSHCOMPDIR)/_scio

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p \
		$(DESTDIR)$(BASHCOMPDIR)/$$p; done
	for s in $(SCRIPTS); do rm -f $(DESTDIR)$(BINDIR)/$${s##*/}; done
	for m in $(MANS); do rm -f $(DESTDIR)$(MANPREFIX)/man1/$${m##*/}; done
	for m in $(MANS5); do rm -f $(DESTDIR)$(MANPREFIX)/man5/$${m##*/}; done
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_scio

clean:
	rm -rf build/default build/san build/fuzz build/gen bin tests/out

.PRECIOUS: $(BUILD)/%.o $(BUILD)/tests/unit/%.o build/fuzz/%.o

-include $(shell find build -name '*.d' 2>/dev/null)
