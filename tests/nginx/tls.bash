# tests/nginx/tls.bash: certificates made at test time and an nginx with
# one TLS server block per situation, for tests/nginx/tls.bats.
#
# tls_pki DIR     writes, with openssl and nothing from the repository:
#   ca.pem ca.key           "hget test CA" (the trusted chain's root)
#   good.pem good.key       localhost + IP 127.0.0.1, signed by the CA
#   self.pem self.key       localhost + IP 127.0.0.1, self-signed
#   expired.pem expired.key localhost + IP 127.0.0.1, signed by the CA,
#                           valid 2020-01-01 .. 2021-01-01
#   other.pem other.key     other.test only, signed by the CA
#   cca.pem cca.key         "hget client CA"
#   client.pem client.key   a client certificate signed by cca
#   client-enc.key          the same key, AES-256 encrypted (TLS_KEYPASS)
#   client-both.pem         client.pem and client.key in one file
#   client-both-enc.pem     client.pem and client-enc.key in one file
#   hashdir/                ca.pem under its subject hash (openssl rehash)
#   good.pin                sha256//BASE64 of good.pem's public key
#   good.pub                good.pem's public key (PEM)
#
# tls_nginx_start starts nginx with, each on 127.0.0.1 (ports in
# TLS_PORT_<NAME>; a base port already taken means another try):
#   GOOD     good.pem, TLS 1.2 and 1.3, $connection logged to conn.log
#   SELF     self.pem
#   EXPIRED  expired.pem
#   OTHER    other.pem
#   CLIENT   good.pem, a client certificate from cca required
#   TLS13    good.pem, TLS 1.3 only
#   TLS12    good.pem, TLS 1.2 only
# All serve $NGX/www.

load nginx

TLS_KEYPASS=s3cret:pw
TLS_NAMES="GOOD SELF EXPIRED OTHER CLIENT TLS13 TLS12"

# OpenSSL's own configuration is not read: everything is spelled here.
tls_cnf() {
	cat <<CNF
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[srv_ext]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[self_ext]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
[other_ext]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:other.test
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[cli_ext]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
[ca]
default_ca = tca
[tca]
database = $1/index.txt
new_certs_dir = $1/newcerts
serial = $1/serial
default_md = sha256
policy = pol
unique_subject = no
[pol]
organizationName = optional
commonName = supplied
CNF
}

# A P-256 key and a CSR for subject $2, written as $1.key and $1.csr.
tls_csr() {
	openssl req -new -config "$D/openssl.cnf" -newkey ec \
	    -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
	    -keyout "$D/$1.key" -subj "$2" -out "$D/$1.csr" 2>/dev/null
}

# $1.csr signed by CA $2 with extensions section $3, 30 days.
tls_sign() {
	openssl x509 -req -in "$D/$1.csr" -CA "$D/$2.pem" -CAkey "$D/$2.key" \
	    -set_serial "0x$(openssl rand -hex 8)" -days 30 -sha256 \
	    -extfile "$D/openssl.cnf" -extensions "$3" -out "$D/$1.pem" \
	    2>/dev/null
}

# A self-signed certificate $1 for subject $2, extensions section $3.
tls_self() {
	openssl req -x509 -config "$D/openssl.cnf" -newkey ec \
	    -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
	    -keyout "$D/$1.key" -subj "$2" -extensions "$3" \
	    -out "$D/$1.pem" 2>/dev/null
}

tls_pki() {
	local D=$1

	mkdir -p "$D/newcerts" "$D/hashdir"
	: >"$D/index.txt"
	echo 01 >"$D/serial"
	tls_cnf "$D" >"$D/openssl.cnf"
	tls_self ca "/O=hget tests/CN=hget test CA" ca_ext &&
	tls_self cca "/O=hget tests/CN=hget client CA" ca_ext &&
	tls_self self "/O=hget tests/CN=localhost" self_ext &&
	tls_csr good "/O=hget tests/CN=localhost" &&
	tls_sign good ca srv_ext &&
	tls_csr other "/O=hget tests/CN=other.test" &&
	tls_sign other ca other_ext &&
	tls_csr client "/O=hget tests/CN=hget client" &&
	tls_sign client cca cli_ext || return 1
	# openssl x509 -req takes no dates in the past: openssl ca does
	tls_csr expired "/O=hget tests/CN=localhost" &&
	openssl ca -batch -config "$D/openssl.cnf" -cert "$D/ca.pem" \
	    -keyfile "$D/ca.key" -in "$D/expired.csr" -out "$D/expired.pem" \
	    -startdate 20200101000000Z -enddate 20210101000000Z \
	    -extfile "$D/openssl.cnf" -extensions srv_ext -notext \
	    2>/dev/null || return 1
	openssl pkey -in "$D/client.key" -aes256 \
	    -passout "pass:$TLS_KEYPASS" -out "$D/client-enc.key" || return 1
	cat "$D/client.pem" "$D/client.key" >"$D/client-both.pem"
	cat "$D/client.pem" "$D/client-enc.key" >"$D/client-both-enc.pem"
	cp "$D/ca.pem" "$D/hashdir/ca.pem"
	openssl rehash "$D/hashdir" || return 1
	openssl x509 -in "$D/good.pem" -pubkey -noout >"$D/good.pub"
	printf 'sha256//%s\n' "$(openssl pkey -pubin -in "$D/good.pub" \
	    -outform DER | openssl dgst -sha256 -binary | base64)" \
	    >"$D/good.pin"
}

# One TLS server block: name, certificate, extra directives.
tls_server() {
	local port
	port=TLS_PORT_$1

	cat <<CONF
	server {
		listen 127.0.0.1:${!port} ssl;
		ssl_certificate $PKI/$2.pem;
		ssl_certificate_key $PKI/$2.key;
		root $NGX/www;
		access_log $NGX/logs/conn.log conn;
		$3
	}
CONF
}

tls_nginx_conf() {
	[ "$(id -u)" = 0 ] && echo "user root;"
	cat <<CONF
daemon on;
worker_processes 1;
pid $NGX/nginx.pid;
error_log $NGX/logs/error.log warn;
events { worker_connections 64; }
http {
	log_format conn '\$connection \$connection_requests \$ssl_protocol \$request';
	client_body_temp_path $NGX/tmp;
	proxy_temp_path $NGX/tmp;
	fastcgi_temp_path $NGX/tmp;
	uwsgi_temp_path $NGX/tmp;
	scgi_temp_path $NGX/tmp;
	default_type application/octet-stream;
	sendfile on;
	keepalive_requests 10000;
	ssl_protocols TLSv1.2 TLSv1.3;
CONF
	tls_server GOOD good
	tls_server SELF self
	tls_server EXPIRED expired
	tls_server OTHER other
	tls_server CLIENT good "ssl_verify_client on;
		ssl_client_certificate $PKI/cca.pem;"
	tls_server TLS13 good "ssl_protocols TLSv1.3;"
	tls_server TLS12 good "ssl_protocols TLSv1.2;"
	echo "}"
}

# Starts nginx with a block per name in TLS_NAMES on consecutive ports.
tls_nginx_start() {
	local base i n

	NGX=$BATS_FILE_TMPDIR/nginx
	mkdir -p "$NGX/logs" "$NGX/www" "$NGX/tmp"
	for _ in 1 2 3 4 5 6 7 8; do
		base=$((20000 + RANDOM % 30000))
		i=0
		for n in $TLS_NAMES; do
			printf -v "TLS_PORT_$n" '%s' $((base + i))
			export "TLS_PORT_$n"
			i=$((i + 1))
		done
		tls_nginx_conf >"$NGX/nginx.conf"
		if "$(nginx_bin)" -p "$NGX" -c "$NGX/nginx.conf" \
		    -e "$NGX/logs/error.log" 2>>"$NGX/logs/start.log" 3>&-; then
			return 0
		fi
	done
	echo "nginx would not start: $(cat "$NGX/logs/start.log")" >&2
	return 1
}
