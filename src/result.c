/* src/result.c: what a transfer measured, kept for -w and the exit code */
#include <stdlib.h>
#include <string.h>

#include "head.h"
#include "hget.h"
#include "limits.h"

void
hg_result_init(struct hg_result *r)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->url_effective, HG_MAX_URL);
	buf_init(&r->head, HG_MAX_HEAD);
	buf_init(&r->redirect_url, HG_MAX_URL);
	buf_init(&r->hop_urls, HG_MAX_URL);
}

void
hg_result_free(struct hg_result *r)
{
	buf_free(&r->url_effective);
	buf_free(&r->head);
	buf_free(&r->redirect_url);
	buf_free(&r->hop_urls);
}

int
hg_result_header(const struct hg_result *r, const char *name, char *dst,
    size_t dstlen)
{
	struct head		 h;
	const struct hfield	*f;
	int			 rc = -1;

	if (r->head.len == 0)
		return -1;
	memset(&h, 0, sizeof(h));
	h.maxfields = HG_MAX_FIELDS;
	if ((h.fields = reallocarray(NULL, h.maxfields,
	    sizeof(*h.fields))) == NULL)
		return -1;
	if (head_parse(&h, r->head.data, r->head.len) == HEAD_OK &&
	    (f = head_find(&h, name)) != NULL) {
		(void)head_value_copy(f, dst, dstlen);
		rc = 0;
	}
	free(h.fields);
	return rc;
}
