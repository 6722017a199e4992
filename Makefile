# hget: a curl-compatible HTTP/1.1 client.  See README.md.

VERSION	= 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
CC	?= cc
PKG_CONFIG ?= pkg-config

# Debian packages the build, the tests and the benchmarks need (curl is
# what `make bench` measures hget against).
DEPS	= build-essential pkg-config libbsd-dev libtls-dev zlib1g-dev \
	  libbrotli-dev libzstd-dev bats bats-assert bats-support \
	  nginx-light mandoc openssl tinyproxy time valgrind cppcheck clang \
	  curl

PKGS	= libbsd-overlay libtls zlib libbrotlidec libzstd

# SANITIZE=1 builds everything with ASan+UBSan into its own directory.
ifeq ($(SANITIZE),1)
O	= build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all
OPT	= -O1
else
O	= build
SANFLAGS =
OPT	= -O2
endif

WARN	= -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
	  -Wmissing-prototypes -Wformat=2 -Wvla
# Cheap, no false positives on this tree with gcc 12 and clang 14 (so the
# fuzz build, which uses $(WARN) with clang, keeps working): casting a
# const away, a path the optimizer proves dereferences NULL, an undefined
# macro in #if (a typo reads as 0), and a prototype declared twice.
WARN	+= -Wcast-qual -Wnull-dereference -Wundef -Wredundant-decls
HG_CFLAGS = -std=c11 $(OPT) -g $(WARN) $(SANFLAGS) $(CFLAGS)
# gcc only (clang rejects the names): an else-if testing a condition
# already tested, and if/else branches that are identical, are
# copy-and-paste slips.  Left out for now: -Wconversion (5 hits, some in
# files being reworked), -Wlogical-op (only EAGAIN || EWOULDBLOCK, equal
# on Linux) and -Wwrite-strings (literals as char * in tests/unit).
ifeq ($(shell $(CC) -dM -E -x c /dev/null 2>/dev/null | grep -c __clang__),0)
HG_CFLAGS += -Wduplicated-cond -Wduplicated-branches
endif
HG_CPPFLAGS = -D_DEFAULT_SOURCE -DLIBBSD_NETBSD_VIS \
	  -DHGET_VERSION='"$(VERSION)"' \
	  -DHGET_LIBBSD_VERSION='"$(shell $(PKG_CONFIG) --modversion libbsd)"' \
	  -DHGET_LIBTLS_VERSION='"$(shell $(PKG_CONFIG) --modversion libtls)"' \
	  $(shell $(PKG_CONFIG) --cflags $(PKGS)) $(CPPFLAGS)
HG_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
HG_LIBS	= $(shell $(PKG_CONFIG) --libs $(PKGS)) $(LDLIBS)
# hget itself links libbsd only, and statically (its archive is in
# libbsd-dev): the few functions used cost less than mapping and binding
# libbsd.so and libmd.so at every start (measured on a 200-byte fetch:
# about 90 KB of peak RSS, and 447,000 -> 266,000 instructions under
# callgrind).  src/lazylib.c opens libtls,
# zlib, brotli and zstd with dlopen(3) when a transfer first needs them,
# under the sonames the -dev packages' links name (what the linker would
# record).  The tests and fuzz targets link everything dynamically (their
# encoders build inputs).
HGET_LIBS = -Wl,-Bstatic $(shell $(PKG_CONFIG) --static --libs \
	  libbsd-overlay) -Wl,-Bdynamic $(LDLIBS)
soname	= $(shell objdump -p $$($(CC) -print-file-name=lib$(1).so) \
	  2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
SONAMES	= -DHG_SONAME_TLS='"$(call soname,tls)"' \
	  -DHG_SONAME_Z='"$(call soname,z)"' \
	  -DHG_SONAME_BROTLI='"$(call soname,brotlidec)"' \
	  -DHG_SONAME_ZSTD='"$(call soname,zstd)"'

CORE_SRCS = $(wildcard src/*.c)
CMD_SRCS  = $(wildcard cmd/*.c)
UNIT_SRCS = $(wildcard tests/unit/t_*.c)
CORE_OBJS = $(CORE_SRCS:%.c=$(O)/%.o)
CMD_OBJS  = $(CMD_SRCS:%.c=$(O)/%.o)
LIBCMD_OBJS = $(filter-out $(O)/cmd/main.o,$(CMD_OBJS))
UNITS	  = $(UNIT_SRCS:tests/unit/%.c=$(O)/tests/%)
HGSERVE	  = $(O)/tests/hgserve

all: hget completions

# ./hget is always the plain build; the sanitizer build stays in build-san/.
hget: $(O)/hget
ifneq ($(SANITIZE),1)
	cp $(O)/hget $@.tmp && mv -f $@.tmp $@
endif

$(O)/hget: $(CMD_OBJS) $(O)/gen/manual.o $(O)/libhgcore.a
	$(CC) $(HG_LDFLAGS) -o $@ $(CMD_OBJS) $(O)/gen/manual.o \
	    $(O)/libhgcore.a $(HGET_LIBS)

# Made at build time by cmd/gen/hggen.c: -M's text (mandoc's rendering of
# the page, in the binary, so that no man(1) or pager is needed; mandoc
# is in DEPS) and the bash and zsh completions, from the option table.
HGGEN	= $(O)/cmd/gen/hggen

$(HGGEN): cmd/gen/hggen.c $(O)/libhgcmd.a $(O)/libhgcore.a
	@mkdir -p $(@D)
	$(CC) $(HG_CFLAGS) $(HG_CPPFLAGS) -Isrc -Icmd -o $@ $< \
	    $(O)/libhgcmd.a $(O)/libhgcore.a $(HG_LDFLAGS) $(HG_LIBS)

$(O)/gen/manual.c: man/hget.1 $(HGGEN)
	@mkdir -p $(@D)
	mandoc -Tascii man/hget.1 >$@.txt
	$(HGGEN) manual <$@.txt >$@.tmp && mv -f $@.tmp $@

$(O)/gen/manual.o: $(O)/gen/manual.c cmd/manual.h
	$(CC) $(HG_CFLAGS) $(HG_CPPFLAGS) -Icmd -c -o $@ $<

completions: $(O)/hget.bash $(O)/_hget

$(O)/hget.bash: $(HGGEN)
	$(HGGEN) bash >$@.tmp && mv -f $@.tmp $@

$(O)/_hget: $(HGGEN)
	$(HGGEN) zsh >$@.tmp && mv -f $@.tmp $@

$(O)/libhgcore.a: $(CORE_OBJS)
	rm -f $@
	$(AR) rcs $@ $(CORE_OBJS)

# The only object that names the lazily opened libraries' files.
$(O)/src/lazylib.o: HG_CPPFLAGS += $(SONAMES)

# src/ is compiled without cmd/ on its include path: the core cannot see argv.
$(O)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(HG_CFLAGS) $(HG_CPPFLAGS) -MMD -MP -c -o $@ $<

$(O)/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	$(CC) $(HG_CFLAGS) $(HG_CPPFLAGS) -Isrc -MMD -MP -c -o $@ $<

# Unit tests see both halves: cmd/'s parsers (minus main) and the core.
$(O)/libhgcmd.a: $(LIBCMD_OBJS)
	rm -f $@
	$(AR) rcs $@ $(LIBCMD_OBJS)

$(O)/tests/t_%: tests/unit/t_%.c $(O)/libhgcmd.a $(O)/libhgcore.a
	@mkdir -p $(@D)
	$(CC) $(HG_CFLAGS) $(HG_CPPFLAGS) -Isrc -Icmd -o $@ $< \
	    $(O)/libhgcmd.a $(O)/libhgcore.a $(HG_LDFLAGS) $(HG_LIBS)

$(HGSERVE): tests/server/hgserve.c
	@mkdir -p $(@D)
	$(CC) $(HG_CFLAGS) $(HG_CPPFLAGS) -o $@ $< $(HG_LDFLAGS) $(HG_LIBS)

-include $(CORE_OBJS:.o=.d) $(CMD_OBJS:.o=.d)

check: unit cli lint

unit: $(UNITS)
	@set -e; for t in $(UNITS); do printf '%s: ' $$t; ./$$t; done

cli: hget $(HGSERVE)
	HGET=$(CURDIR)/$(O)/hget HGSERVE=$(CURDIR)/$(HGSERVE) \
	    bats tests/cli tests/nginx

lint: completions
	mandoc -Tlint -W warning man/hget.1
	sh tests/completions.sh cmd/opts.c $(O)/hget.bash $(O)/_hget
	sh tests/man-options.sh cmd/opts.c man/hget.1
	sh tests/man-exit.sh src/herr.h man/hget.1

# valgrind: every unit test, then hget under valgrind (through
# tests/valgrind-hget.sh) in the CLI tests of the request, response,
# upload-data and redirect paths: 217 tests that between them reach most
# of src/ and cmd/ (head parsing, both body framings, connection reuse,
# redirects, -d/-F/-T bodies), one bats process per file, all at once:
# a test takes about 2 s under valgrind, mostly waiting, not computing.
# Left out to keep the whole under about 4 min: conn.bats (its -m 0.5
# and --connect-timeout 0.3 tests race valgrind's slowness; they passed,
# but need not on a loaded machine), auth, proxy and output (more of the
# same paths), usage and writeout (argument handling the unit tests
# cover), hgserve (tests the server).
# Any memory error or definitely lost block fails the test that ran hget
# (exit 99) and leaves its report in $(O)/valgrind/hget.PID, which fails
# the target even when a test does not look at hget's status.
# HGSERVE_SECS: hgserve's 10 s life is too short for a test that runs
# hget six times under valgrind; it must stay under hget's 30 s timeout
# (HGET_TIMEOUT), since "to https:// is never sent in clear" ends only
# when the server does.
VALGRIND = valgrind -q --error-exitcode=1 --leak-check=full \
	  --errors-for-leak-kinds=definite
VG_BATS	= tests/cli/request.bats tests/cli/response.bats \
	  tests/cli/data.bats tests/cli/redirect.bats

valgrind: $(UNITS) $(O)/hget $(HGSERVE)
	@test "$(SANITIZE)" != 1 || \
	    { echo 'valgrind: not with SANITIZE=1 (ASan)' >&2; exit 2; }
	@set -e; for t in $(UNITS); do printf '%s: ' $$t; \
	    $(VALGRIND) ./$$t; done
	@rm -rf $(O)/valgrind && mkdir -p $(O)/valgrind
	@export HGET=$(CURDIR)/tests/valgrind-hget.sh \
	    HGET_REAL=$(CURDIR)/$(O)/hget HGSERVE=$(CURDIR)/$(HGSERVE) \
	    HGET_VGLOG=$(CURDIR)/$(O)/valgrind/hget HGSERVE_SECS=20; \
	pids=; for f in $(VG_BATS); do \
	    bats $$f >$(O)/valgrind/$${f##*/}.tap 2>&1 & pids="$$pids $$!"; \
	done; \
	rc=0; for p in $$pids; do wait $$p || rc=1; done; \
	cat $(O)/valgrind/*.tap; exit $$rc
	@for f in $(O)/valgrind/hget.*; do \
	    if test -s $$f; then cat $$f; exit 1; fi; done
	@echo 'valgrind: no errors, no definite leaks'

# cppcheck over the sources and the test server.  Only the project's
# include paths: cppcheck knows libc and POSIX from --library, and
# reading the system headers would only slow it down.  Every suppression
# is in tests/cppcheck.supp or inline, with its reason.
ANALYZE	= cppcheck --enable=warning,style,performance,portability \
	  --error-exitcode=1 --inline-suppr --quiet --std=c11 \
	  --library=posix --suppressions-list=tests/cppcheck.supp \
	  -D_DEFAULT_SOURCE -DLIBBSD_NETBSD_VIS -DLIBBSD_OVERLAY -Isrc -Icmd

analyze:
	$(ANALYZE) src cmd tests/server

.PHONY: valgrind analyze

deps:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y $(DEPS)

BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions

install: hget completions
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 hget $(DESTDIR)$(BINDIR)/hget
	install -m 644 man/hget.1 $(DESTDIR)$(MANDIR)/man1/hget.1
	install -m 644 $(O)/hget.bash $(DESTDIR)$(BASHCOMPDIR)/hget
	install -m 644 $(O)/_hget $(DESTDIR)$(ZSHCOMPDIR)/_hget

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/hget $(DESTDIR)$(MANDIR)/man1/hget.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/hget $(DESTDIR)$(ZSHCOMPDIR)/_hget

# Benchmarks against curl on a local nginx (tests/bench/README): not part
# of check, they measure time and take minutes.
BENCH_TOOLS = $(O)/tests/bench/launch $(O)/tests/bench/minread \
	      $(O)/tests/bench/tlsmin

bench: hget $(BENCH_TOOLS)
	HGET=$(CURDIR)/hget BENCH_BIN=$(CURDIR)/$(O)/tests/bench \
	    sh tests/bench/run.sh

$(O)/tests/bench/%: tests/bench/%.c
	@mkdir -p $(@D)
	$(CC) $(HG_CFLAGS) $(HG_CPPFLAGS) -o $@ $< $(HG_LDFLAGS)

# the https floor links libtls as any libtls program would
$(O)/tests/bench/tlsmin: tests/bench/tlsmin.c
	@mkdir -p $(@D)
	$(CC) $(HG_CFLAGS) $(HG_CPPFLAGS) -o $@ $< $(HG_LDFLAGS) \
	    $(shell $(PKG_CONFIG) --libs libtls)

clean:
	rm -rf build build-san hget

.PHONY: all check unit cli lint deps install uninstall bench clean fuzz fuzz-run \
	completions

# libFuzzer targets (tests/fuzz/README): clang only, their own objects.
FUZZ_CC	= clang
FUZZ_O	= build-fuzz
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	   -fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 -O1 -g $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS = $(FUZZ_SRCS:tests/fuzz/%.c=$(FUZZ_O)/%)
FUZZ_LIB_OBJS = $(CORE_SRCS:%.c=$(FUZZ_O)/%.o) \
	  $(filter-out $(FUZZ_O)/cmd/main.o,$(CMD_SRCS:%.c=$(FUZZ_O)/%.o))
SECONDS	?= 60

fuzz: $(FUZZ_BINS)

$(FUZZ_O)/src/lazylib.o: HG_CPPFLAGS += $(SONAMES)

$(FUZZ_O)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(HG_CPPFLAGS) -MMD -MP -c -o $@ $<

$(FUZZ_O)/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(HG_CPPFLAGS) -Isrc -MMD -MP -c -o $@ $<

# An archive, so each target links only the objects it calls into.
$(FUZZ_O)/libhgfuzz.a: $(FUZZ_LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(FUZZ_LIB_OBJS)

$(FUZZ_O)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_O)/libhgfuzz.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(HG_CPPFLAGS) -Isrc -Icmd -o $@ $< \
	    -fsanitize=fuzzer $(FUZZ_O)/libhgfuzz.a $(FUZZ_SAN) $(HG_LIBS)

# Each target runs on a copy of its corpus; any crash fails the run.
fuzz-run: fuzz
	@set -e; for b in $(FUZZ_BINS); do \
	    t=$${b#$(FUZZ_O)/}; \
	    rm -rf $(FUZZ_O)/corpus/$$t $(FUZZ_O)/crash/$$t; \
	    mkdir -p $(FUZZ_O)/corpus/$$t $(FUZZ_O)/crash/$$t; \
	    if [ -d tests/fuzz/corpus/$$t ]; then \
	        cp -R tests/fuzz/corpus/$$t/. $(FUZZ_O)/corpus/$$t/; fi; \
	    echo "fuzz-run: $$t for $(SECONDS) s"; \
	    ./$$b -max_total_time=$(SECONDS) -print_final_stats=1 \
	        -artifact_prefix=$(FUZZ_O)/crash/$$t/ \
	        $(FUZZ_O)/corpus/$$t >$(FUZZ_O)/$$t.log 2>&1 || \
	        { tail -40 $(FUZZ_O)/$$t.log; exit 1; }; \
	    grep -E '^stat::number_of_executed_units' $(FUZZ_O)/$$t.log; \
	done

-include $(FUZZ_LIB_OBJS:.o=.d)
