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

VERSION    = 0.1.0

# Project flags, kept apart so that a user's CFLAGS add to them.
SCIO_CPPFLAGS = -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DSCIO_VERSION='"$(VERSION)"'
SCIO_CFLAGS   = -std=c11 -Wall -Wextra -Wformat=2 -Wformat-security \
	-fstack-protector-strong -fPIE -MMD -MP
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
DEP_CFLAGS   = $(XML_CFLAGS) $(JSON_CFLAGS) $(CURL_CFLAGS) $(PCRE_CFLAGS)

ALL_CFLAGS   = $(SCIO_CPPFLAGS) $(CPPFLAGS) $(SCIO_CFLAGS) $(CFLAGS) $(DEP_CFLAGS)
ALL_LDFLAGS  = $(SCIO_LDFLAGS) $(LDFLAGS)

# What each program links, beyond libscio.a.
LIBS_scio-parse = $(XML_LIBS) $(JSON_LIBS) $(CURL_LIBS)
LIBS_scio-fetch = $(CURL_LIBS) $(XML_LIBS) $(JSON_LIBS)
LIBS_scio-grep  = $(PCRE_LIBS) $(JSON_LIBS)
LIBS_scio-fmt   = $(JSON_LIBS)
LIBS_scio-stats = $(PCRE_LIBS) $(JSON_LIBS) -lm

PROGS    = $(patsubst cmd/%.c,%,$(wildcard cmd/scio-*.c))
BINS     = $(addprefix bin/,$(PROGS))
MANS     = $(wildcard cmd/*.1)
MANS5    = $(wildcard man/*.5)
LIB_SRCS = $(wildcard lib/*.c)
LIB_OBJS = $(patsubst %.c,$(BUILD)/%.o,$(LIB_SRCS))
LIBSCIO  = $(BUILD)/libscio.a
UNIT_SRCS = $(wildcard tests/unit/test-*.c)
UNITS    = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
DEPS_OK  = build/.deps-build

.PHONY: FORCE all check demo bench install uninstall clean deps deps-check \
	fuzz fuzz-run

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
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBSCIO): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

# bin/ always holds the last build made, sanitized or not; build/mode
# changes when SANITIZE does, so that bin/ is relinked.
build/mode: FORCE
	@mkdir -p build
	@echo '$(SANITIZE)' | cmp -s - $@ || echo '$(SANITIZE)' > $@

bin/%: $(BUILD)/cmd/%.o $(LIBSCIO) build/mode
	@mkdir -p bin
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBSCIO) $(LIBS_$*)

$(BUILD)/tests/test-%: $(BUILD)/tests/unit/test-%.o $(LIBSCIO)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBSCIO) $(XML_LIBS) $(JSON_LIBS) \
		$(CURL_LIBS) $(PCRE_LIBS)

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
ALL_LIBS   = $(XML_LIBS) $(JSON_LIBS) $(CURL_LIBS) $(PCRE_LIBS) -lm

# The whole suite; it ends with one line "N passed, N failed".
check: deps-check $(BINS) $(UNITS) $(REPLAYS)
	@SCIO_UNITS="$(UNITS)" SCIO_REPLAYS="$(REPLAYS)" SCIO_VALGRIND="$(VALGRIND)" \
		sh tests/run.sh

build/fuzz/%.o: %.c build/.deps-fuzz
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SCIO_CPPFLAGS) -std=c11 -Wall -Wextra -MMD -MP $(FUZZ_FLAGS) \
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
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(ALL_LIBS)

demo: deps-check $(BINS)
	@sh scripts/demo

bench: $(BINS)
	@sh scripts/deps bench
	@sh bench/run.sh

# Programs, man pages (section 1 for each program, section 5 for the
# records) and shell completions, all under $(DESTDIR)$(PREFIX).  The bash
# completion serves every program, so it goes in under each one's name.
install: $(BINS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	for p in $(PROGS); do cp -f bin/$$p $(DESTDIR)$(BINDIR)/$$p; \
		chmod 755 $(DESTDIR)$(BINDIR)/$$p; \
		cp -f completions/scio-tools.bash $(DESTDIR)$(BASHCOMPDIR)/$$p; \
		chmod 644 $(DESTDIR)$(BASHCOMPDIR)/$$p; done
	for m in $(MANS); do cp -f $$m $(DESTDIR)$(MANPREFIX)/man1/; \
		chmod 644 $(DESTDIR)$(MANPREFIX)/man1/$${m##*/}; done
	for m in $(MANS5); do cp -f $$m $(DESTDIR)$(MANPREFIX)/man5/; \
		chmod 644 $(DESTDIR)$(MANPREFIX)/man5/$${m##*/}; done
	cp -f completions/_scio $(DESTDIR)$(ZSHCOMPDIR)/_scio
	chmod 644 $(DESTDIR)$(ZSHCOMPDIR)/_scio

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p \
		$(DESTDIR)$(BASHCOMPDIR)/$$p; done
	for m in $(MANS); do rm -f $(DESTDIR)$(MANPREFIX)/man1/$${m##*/}; done
	for m in $(MANS5); do rm -f $(DESTDIR)$(MANPREFIX)/man5/$${m##*/}; done
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_scio

clean:
	rm -rf build/default build/san build/fuzz bin tests/out

.PRECIOUS: $(BUILD)/%.o $(BUILD)/tests/unit/%.o build/fuzz/%.o

-include $(shell find build -name '*.d' 2>/dev/null)
