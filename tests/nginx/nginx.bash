# tests/nginx/nginx.bash: a real nginx on 127.0.0.1 for the CLI tests.
# nginx_start writes a config into a temp prefix, picks a free port, and
# starts nginx in the foreground-less daemon mode; nginx_stop ends it.

load ../cli/helper

nginx_bin() {
	for n in /usr/sbin/nginx nginx; do
		command -v "$n" >/dev/null 2>&1 && { echo "$n"; return; }
	done
	return 1
}

nginx_conf() {
	# as root, nginx's workers would run as nobody and not see the temp dir
	[ "$(id -u)" = 0 ] && echo "user root;"
	cat <<CONF
daemon on;
worker_processes 1;
pid $NGX/nginx.pid;
error_log $NGX/logs/error.log warn;
events { worker_connections 64; }
http {
	access_log $NGX/logs/access.log combined;
	log_format conn '\$connection \$connection_requests \$request';
	client_body_temp_path $NGX/tmp;
	proxy_temp_path $NGX/tmp;
	fastcgi_temp_path $NGX/tmp;
	uwsgi_temp_path $NGX/tmp;
	scgi_temp_path $NGX/tmp;
	default_type application/octet-stream;
	sendfile on;
	keepalive_requests 10000;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $NGX/www;
		access_log $NGX/logs/conn.log conn;
		location /status { stub_status; }
	}
}
CONF
}

# Start nginx on a random high port; a port already taken means another try.
nginx_start() {
	NGX=$BATS_FILE_TMPDIR/nginx
	mkdir -p "$NGX/logs" "$NGX/www" "$NGX/tmp"
	for _ in 1 2 3 4 5 6 7 8; do
		NGINX_PORT=$((20000 + RANDOM % 30000))
		nginx_conf >"$NGX/nginx.conf"
		if "$(nginx_bin)" -p "$NGX" -c "$NGX/nginx.conf" \
		    -e "$NGX/logs/error.log" 2>>"$NGX/logs/start.log" 3>&-; then
			NGINX_URL=http://127.0.0.1:$NGINX_PORT
			return 0
		fi
	done
	echo "nginx would not start: $(cat "$NGX/logs/start.log")" >&2
	return 1
}

nginx_stop() {
	[ -s "$NGX/nginx.pid" ] && kill "$(cat "$NGX/nginx.pid")" 2>/dev/null
	return 0
}
