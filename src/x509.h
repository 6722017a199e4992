/* src/x509.h: the few X.509 facts (RFC 5280) libtls does not expose; pure, no allocation */
#ifndef HG_X509_H
#define HG_X509_H

#include <stddef.h>

/* GeneralName choices x509_sans() reports (RFC 5280 §4.2.1.6) */
#define X509_SAN_DNS	2	/* dNSName [2] */
#define X509_SAN_IP	7	/* iPAddress [7] */

/* longest dNSName x509_sans() passes on (RFC 1035 §2.3.4 allows 253) */
#define X509_NAME_MAX	255
/* "sha256//" + 44 base64 characters + NUL, for x509_pin_hash() */
#define X509_PIN_LEN	(8 + 44 + 1)

/*
 * Decodes the next "-----BEGIN CERTIFICATE-----" block (RFC 7468) of
 * pem[*off..len) into der.  BEGIN starts a line; other blocks (keys, CRLs)
 * and text between blocks are skipped; CR, LF, SP and HTAB may appear
 * anywhere in the base64.  Returns 1 with *derlen set and *off just past
 * the END line; 0 when no certificate block is left (*off = len); -1 when
 * the block is malformed (no END, bad base64) or does not fit in dercap,
 * with *off unchanged and der's contents unspecified.  A dercap of
 * (len - *off) / 4 * 3 always suffices.
 */
int	x509_pem_next(const char *pem, size_t len, size_t *off,
	    unsigned char *der, size_t dercap, size_t *derlen);

/*
 * Finds the subjectPublicKeyInfo SEQUENCE of a DER certificate, header
 * included: the bytes a public-key pin hashes.  *spki points into der.
 * Returns 0, or -1 when der is not a well-formed certificate.
 */
int	x509_spki(const unsigned char *der, size_t len,
	    const unsigned char **spki, size_t *spkilen);

/*
 * Reports the subjectAltName (2.5.29.17) entries of a DER certificate in
 * certificate order: fn(arg, X509_SAN_DNS, "host.example") as written in
 * the certificate, fn(arg, X509_SAN_IP, "192.0.2.1" or "2001:db8::1")
 * (inet_ntop forms).  Other GeneralName kinds are skipped.  name is valid
 * during the call only; DNS names are untrusted bytes (vis them before
 * showing them).  The whole certificate is checked before the first call,
 * so fn sees every entry or none.  Returns the number of entries reported
 * (0 without the extension), or -1 when the certificate is malformed: bad
 * DER, two subjectAltName extensions, an iPAddress that is not 4 or 16
 * bytes, a dNSName holding a NUL or longer than X509_NAME_MAX.
 */
int	x509_sans(const unsigned char *der, size_t len,
	    void (*fn)(void *arg, int type, const char *name), void *arg);

/*
 * Writes "sha256//" and the base64 SHA-256 of the certificate's
 * subjectPublicKeyInfo to out (X509_PIN_LEN bytes): what curl -v prints as
 * "public key hash".  Returns 0, or -1 when der is malformed.
 */
int	x509_pin_hash(const unsigned char *der, size_t len,
	    char out[X509_PIN_LEN]);

/*
 * curl's --pinnedpubkey hash form: "sha256//B64[;sha256//B64...]", each
 * B64 the 44-character base64 SHA-256 of a subjectPublicKeyInfo.  Returns
 * 1 when one of them is the certificate's, 0 when none is (or the
 * certificate cannot be parsed: the pin is not shown to hold), -1 on bad
 * syntax, checked before the certificate is looked at.
 *
 * Bad syntax, where curl 7.88 differs: curl splits at ";sha256//" and
 * compares each piece as a string, so a piece that cannot be a hash (a
 * space, a trailing ";", a missing "=") just never matches and the others
 * still count; here any such piece makes the whole string -1.  A string
 * not starting with "sha256//" is, for curl, a PEM or DER public key FILE;
 * hget does not read one and returns -1.  curl 7.88 exits 90 ("SSL: public
 * key does not match pinned public key") for all of these and for 0.
 */
int	x509_pin_check(const char *pins, const unsigned char *der,
	    size_t derlen);

#endif
