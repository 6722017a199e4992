/* cmd/manual.h: the man page as text, for -M/--manual */
#ifndef HG_MANUAL_H
#define HG_MANUAL_H

/*
 * man/hget.1 rendered by mandoc -Tascii at build time (the Makefile
 * writes $(O)/gen/manual.c), without the overstrike bold: a fresh
 * machine has the text without man(1), a pager or network.
 */
extern const char	hget_manual[];
extern const unsigned long hget_manual_len;

#endif
