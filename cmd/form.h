/* cmd/form.h: -F and --form-string, read the way curl 7.88 reads them */
#ifndef HG_FORM_H
#define HG_FORM_H

#include <stddef.h>

#include "body.h"
#include "opts.h"
#include "seglist.h"

/*
 * Parse the n -F/--form-string specs into a multipart body and append
 * it to sl; set sl->b's content_type (with the boundary) and add curl's
 * warnings to its notes.  user_ct is what follows the field name in the
 * first -H Content-Type line (": value" or ";"), NULL when there is
 * none: its value then takes multipart/form-data's place.  A malformed
 * spec is BODY_USAGE, quoted in the message.
 */
enum body_rc	 form_build(struct seglist *sl, const struct opts_form *forms,
		    size_t n, const char *user_ct);

#endif
