/*
 * tests/fuzz/fuzz_response.c: the whole client core on a response the
 * fuzzer writes.  A thread listening on 127.0.0.1 (loopback only) takes
 * the one connection hg_run makes, reads the request head and answers
 * with the input after its first byte, then closes.  The first byte picks
 * the options: --compressed, --tr-encoding, -i, -J, a cookie jar, HTTP/1.0,
 * --max-filesize, -C.  The body goes to a private temp directory.
 *
 * Invariants: hg_run returns (libFuzzer's -timeout catches a hang past the
 * 2 s -m deadline); the exit code is one curl knows; no temp file is left
 * behind; the directory holds at most the one output file, with a name
 * that is safe (no leading dot, no slash); the resumed file keeps its
 * bytes, and grows only after a 206; the jar's Cookie field holds no CR,
 * LF or NUL.
 */
#include "fuzz.h"

#include <sys/socket.h>
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include "hget.h"

enum {
	F_COMPRESSED = 1 << 0,
	F_TR = 1 << 1,
	F_INCLUDE = 1 << 2,
	F_REMOTE_HEADER = 1 << 3,
	F_COOKIES = 1 << 4,
	F_HTTP10 = 1 << 5,
	F_MAXSIZE = 1 << 6,
	F_RESUME = 1 << 7
};

struct server {
	int		 lfd;
	const uint8_t	*reply;
	size_t		 len;
};

static char	 dir[64];
static char	 url[64];
static int	 listen_fd = -1;

/* Read the request head (bounded), answer, close. */
static void *
serve(void *arg)
{
	struct server	*sv = arg;
	struct pollfd	 pfd;
	char		 req[8192];
	size_t		 got = 0;
	ssize_t		 n;
	int		 fd;

	pfd.fd = sv->lfd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 2000) != 1 || (fd = accept(sv->lfd, NULL, NULL)) ==
	    -1)
		return NULL;
	pfd.fd = fd;
	while (got < sizeof(req) - 1 && poll(&pfd, 1, 2000) == 1 &&
	    (n = read(fd, req + got, sizeof(req) - 1 - got)) > 0) {
		got += (size_t)n;
		req[got] = '\0';
		if (strstr(req, "\r\n\r\n") != NULL)
			break;
	}
	/* the client may stop reading (a cap, -f): a write error is fine */
	(void)send(fd, sv->reply, sv->len, MSG_NOSIGNAL);
	(void)shutdown(fd, SHUT_WR);
	while (poll(&pfd, 1, 2000) == 1 && read(fd, req, sizeof(req)) > 0)
		continue;
	(void)close(fd);
	return NULL;
}

static void
cleanup(void)
{
	(void)rmdir(dir);
}

static void
setup(void)
{
	struct sockaddr_in	 sin;
	socklen_t		 sl = sizeof(sin);

	(void)strlcpy(dir, "/tmp/hget-fuzz-XXXXXX", sizeof(dir));
	if (mkdtemp(dir) == NULL)
		abort();
	(void)atexit(cleanup);
	if ((listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		abort();
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(listen_fd, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    listen(listen_fd, 4) == -1 ||
	    getsockname(listen_fd, (struct sockaddr *)&sin, &sl) == -1)
		abort();
	(void)snprintf(url, sizeof(url), "http://127.0.0.1:%u/dir/file.bin",
	    ntohs(sin.sin_port));
}

/* What the directory holds: no temp file, at most one safe output. */
/* The resumed file still starts with its bytes; only a 206 adds any. */
static void
check_resumed(const char *path, off_t size, int status, off_t resumed)
{
	char	 head[5];
	int	 fd;

	FUZZ_CHECK(size >= resumed);
	FUZZ_CHECK(status == 206 || size == resumed);
	if ((fd = open(path, O_RDONLY)) == -1)
		abort();
	FUZZ_CHECK(read(fd, head, sizeof(head)) == (ssize_t)sizeof(head) &&
	    memcmp(head, "hello", sizeof(head)) == 0);
	(void)close(fd);
}

static void
check_dir(int flags, int status, off_t resumed)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		 path[512];
	int		 files = 0;

	if ((d = opendir(dir)) == NULL)
		abort();
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		/* a temp file (".name.hget-XXXXXX") or a hidden name */
		FUZZ_CHECK(de->d_name[0] != '.');
		(void)snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		FUZZ_CHECK(lstat(path, &st) == 0 && S_ISREG(st.st_mode));
		if ((flags & F_RESUME) && strcmp(de->d_name, "file.bin") == 0)
			check_resumed(path, st.st_size, status, resumed);
		(void)unlink(path);
		files++;
	}
	(void)closedir(d);
	FUZZ_CHECK(files <= ((flags & F_RESUME) ? 2 : 1));
}

static void
check_jar(struct cookie_jar *jar)
{
	struct cookie_origin	 o = { "127.0.0.1", "/dir/file.bin", 0 };
	struct buf		 b;

	buf_init(&b, 1 << 20);
	if (cookie_header(jar, &o, 0, &b) > 0)
		FUZZ_CHECK(memchr(b.data, '\r', b.len) == NULL &&
		    memchr(b.data, '\n', b.len) == NULL &&
		    memchr(b.data, '\0', b.len) == NULL);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hg_request	 rq;
	struct hg_result	 r;
	struct hg_err		 e;
	struct hg_session	*s;
	struct server		 sv;
	pthread_t		 th;
	struct cookie_jar	*jar = NULL;
	enum herr		 rc;
	char			 resumed_path[512];
	int			 flags, fd;
	const off_t		 resumed = 5;

	if (size < 1)
		return 0;
	if (listen_fd == -1)
		setup();
	flags = data[0];
	memset(&rq, 0, sizeof(rq));
	rq.url = url;
	rq.output_dir = dir;
	rq.remote_name = 1;
	rq.max_time_ms = 2000;
	rq.connect_timeout_ms = 2000;
	rq.compressed = (flags & F_COMPRESSED) != 0;
	rq.tr_encoding = (flags & F_TR) != 0;
	rq.include = (flags & F_INCLUDE) != 0;
	rq.remote_header_name = (flags & F_REMOTE_HEADER) != 0;
	rq.http10 = (flags & F_HTTP10) != 0;
	rq.max_decoded = 1 << 20;
	rq.max_filesize = (flags & F_MAXSIZE) ? 4096 : 0;
	rq.proxy = "";
	if (flags & F_COOKIES) {
		if ((jar = cookie_jar_new()) == NULL)
			abort();
		rq.cookies = jar;
	}
	if (flags & F_RESUME) {
		(void)snprintf(resumed_path, sizeof(resumed_path),
		    "%s/file.bin", dir);
		if ((fd = open(resumed_path, O_WRONLY | O_CREAT | O_TRUNC,
		    0600)) == -1 || write(fd, "hello", 5) != 5)
			abort();
		(void)close(fd);
		rq.resume_from = resumed;
	}
	sv.lfd = listen_fd;
	sv.reply = data + 1;
	sv.len = size - 1;
	if (pthread_create(&th, NULL, serve, &sv) != 0)
		abort();
	if ((s = hg_session_new()) == NULL)
		abort();
	hg_result_init(&r);
	memset(&e, 0, sizeof(e));
	rc = hg_run(s, &rq, &r, &e);
	hg_session_free(s);
	(void)pthread_join(th, NULL);
	FUZZ_CHECK(rc < HERR__COUNT && herr_exitcode(rc) >= 0);
	FUZZ_CHECK(rc == HERR_OK || e.msg[0] != '\0');
	FUZZ_CHECK(strchr(e.msg, '\n') == NULL);
	check_dir(flags, r.http_code, resumed);
	if (jar != NULL) {
		check_jar(jar);
		cookie_jar_free(jar);
	}
	hg_result_free(&r);
	return 0;
}
