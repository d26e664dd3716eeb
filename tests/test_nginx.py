"""nginx in front of the site (deploy/nginx/, rendered by scripts/nginx_config.py): it agrees
with the site's settings, and, run for real in front of gunicorn, it caches the public pages
from their headers and nothing else."""

from __future__ import annotations

import contextlib
import datetime
import gzip
import http.client
import math
import re
import shutil
import signal
import ssl
import subprocess
import time

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.utils.csp import build_policy

from scripts import nginx_config
from tests.servers import free_port, gunicorn

NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
needs_nginx = pytest.mark.skipif(NGINX is None, reason="needs Debian's nginx (make nginx)")


def rendered(tmp_path, **options) -> str:
    options = {"server_names": ["localhost"], "upstream": "127.0.0.1:9", **options}
    nginx_config.render(tmp_path / "nginx", **options)
    return (tmp_path / "nginx" / "jedisstop.conf").read_text()


def test_it_bypasses_the_cache_for_the_sites_own_session_and_message_cookies(tmp_path, settings):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"  # as in production
    conf = rendered(tmp_path)
    pattern = re.search(r'"~\(\^\|;\)\\s\*\((.+)\)=" 1;', conf).group(1)
    assert pattern.split("|") == [r"__Host\-sessionid", CookieStorage.cookie_name]
    assert "proxy_cache_bypass $jedisstop_personal $jedisstop_odd_query;" in conf
    assert "proxy_no_cache $jedisstop_personal $jedisstop_odd_query;" in conf


def test_it_lets_the_sites_own_too_large_page_answer(tmp_path, settings):
    settings.MAX_REQUEST_BYTES = 60 * 1024 * 1024
    conf = rendered(tmp_path)
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", conf).group(1))
    assert megabytes * 1024 * 1024 > settings.MAX_REQUEST_BYTES
    assert megabytes <= math.ceil(settings.MAX_REQUEST_BYTES / 1024 / 1024) + 4


def test_the_site_gets_the_host_nginx_serves_never_a_port_the_client_wrote(tmp_path):
    """A port written in a Host header would make another copy of every page in nginx's cache
    and the site's page cache (and push the real pages out): the site gets the host nginx
    matched, with nginx's own port (none on 443), which is what a browser sends."""
    conf = rendered(tmp_path, https_listen="127.0.0.1:8443")
    assert "proxy_set_header Host $host:8443;" in conf
    assert "proxy_cache_key $scheme://$host$uri?$jedisstop_cache_args;" in conf
    assert "$http_host" not in conf
    assert "proxy_set_header Host $host;" in rendered(tmp_path, https_listen="443")


def test_it_sets_the_security_headers_the_site_sets(tmp_path, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    conf = rendered(tmp_path)
    assert f'"" "{build_policy(settings.SECURE_CSP)}";' in conf
    assert "'nonce-" not in conf
    assert f'"" "{settings.PERMISSIONS_POLICY}";' in conf
    assert '"" "same-origin";' in conf
    assert '"" "max-age=31536000; includeSubDomains; preload";' in conf
    assert "access_log off;" in conf  # the site keeps no visitor's address, nginx neither


def test_it_serves_uploads_from_disk_but_leaves_articles_images_to_the_site(tmp_path, settings):
    conf = rendered(tmp_path)
    assert f"alias {settings.MEDIA_ROOT.resolve()}/$1;" in conf
    assert "(?!news/)" in conf
    settings.STORAGE_BACKEND = "s3"
    conf = rendered(tmp_path)
    assert 'location ~* "^/media/' not in conf
    assert str(settings.MEDIA_ROOT.resolve()) not in conf


@needs_nginx
def test_nginx_accepts_the_rendered_configuration(tmp_path):
    main = nginx_config.render(
        tmp_path / "nginx",
        server_names=["localhost"],
        upstream="127.0.0.1:9",
        https_listen=f"127.0.0.1:{free_port()}",
        http_listen=f"127.0.0.1:{free_port()}",
        standalone=True,
    )
    check = subprocess.run(
        [NGINX, "-t", "-p", str(main.parent), "-c", str(main), "-e", str(main.parent / "e.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr


class Visitor:
    def __init__(self, port: int):
        self.port = port
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE

    def get(self, path: str, cookie: str | None = None, host: str | None = None, gzip=False):
        conn = http.client.HTTPSConnection("localhost", self.port, context=self.context, timeout=30)
        headers = {"Cookie": cookie} if cookie else {}
        if host:
            headers["Host"] = host
        if gzip:
            headers["Accept-Encoding"] = "gzip, deflate, br"
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        conn.close()
        return response, body


@needs_nginx
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL, as production")
@pytest.mark.django_db(transaction=True)
def test_nginx_caches_public_pages_from_their_headers_and_nothing_else(tmp_path, settings):
    import io

    from campaign import seed

    seed.load(io.StringIO())
    settings.STATIC_ROOT = tmp_path / "static"
    (settings.STATIC_ROOT / "css").mkdir(parents=True)
    (settings.STATIC_ROOT / "css" / "site.0123456789ab.css").write_text("body{}")
    https = free_port()
    env = {"LOG_LEVEL": "ERROR", "MEDIA_ROOT": settings.MEDIA_ROOT}
    with gunicorn(env, tmp_path / "private", workers=2) as (port,):
        main = nginx_config.render(
            tmp_path / "nginx",
            server_names=["localhost"],
            upstream=f"127.0.0.1:{port}",
            https_listen=f"127.0.0.1:{https}",
            http_listen=f"127.0.0.1:{free_port()}",
            standalone=True,
            workers="1",
            show_cache_status=True,
        )
        proc = subprocess.Popen(
            [NGINX, "-p", str(main.parent), "-c", str(main), "-e", str(main.parent / "e.log")],
            start_new_session=True,
        )
        try:
            visitor = Visitor(https)
            deadline = time.time() + 10
            while True:
                try:
                    visitor.get("/fr/campagne/")
                    break
                except OSError:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.1)

            statuses = [visitor.get("/fr/")[0].getheader("X-Cache-Status") for _ in range(3)]
            assert statuses == ["MISS", "HIT", "HIT"]
            # Another port or case in the Host header is the same page, not another copy.
            for host in ("localhost:1", "LOCALHOST:65000", "localhost"):
                again, body = visitor.get("/fr/", host=host)
                assert (again.status, again.getheader("X-Cache-Status")) == (200, "HIT"), host
                assert b"localhost:1/" not in body
                assert b"65000" not in body
            # Other query parameters are the same cached page; one nginx cannot read as the
            # site would goes to the site, and is not stored.
            for path in ("/fr/?x=1", "/fr/?utm_source=mail&x=2"):
                assert visitor.get(path)[0].getheader("X-Cache-Status") == "HIT", path
            for _ in range(2):
                odd, _body = visitor.get("/fr/?PAGE=2")
                assert (odd.status, odd.getheader("X-Cache-Status")) == (200, "BYPASS")
            page, _body = visitor.get("/fr/actualites/")
            assert page.getheader("Cache-Control").startswith("public")

            # The blank report form is a public page now (no token: edge.crossorigin):
            # nginx keeps it like the home page, the same bytes for everyone, no cookie.
            forms = [visitor.get("/fr/signaler/") for _ in range(3)]
            assert [form.status for form, _body in forms] == [200, 200, 200]
            assert [form.getheader("X-Cache-Status") for form, _body in forms][1:] == ["HIT"] * 2
            assert len({body for _form, body in forms}) == 1
            for form, _body in forms:
                assert form.getheader("Cache-Control").startswith("public")
                assert form.getheader("Set-Cookie") is None
            # Kept compressed, as the site sent it: a browser that reads gzip gets those
            # bytes; one that does not gets them unzipped by nginx, from the same copy.
            zipped, zipped_body = visitor.get("/fr/signaler/", gzip=True)
            assert zipped.getheader("X-Cache-Status") == "HIT"
            assert zipped.getheader("Content-Encoding") == "gzip"
            assert gzip.decompress(zipped_body) == forms[0][1]
            assert b"<form" in forms[0][1]
            assert forms[0][0].getheader("Content-Encoding") is None

            staff, _body = visitor.get("/fr/", cookie=f"{settings.SESSION_COOKIE_NAME}=x")
            assert staff.getheader("X-Cache-Status") == "BYPASS"
            assert "private" in staff.getheader("Cache-Control")
            visitor.get("/fr/")  # and the shared copy is still the public one
            assert visitor.get("/fr/")[0].getheader("X-Cache-Status") == "HIT"

            css, body = visitor.get("/static/css/site.0123456789ab.css")
            assert (css.status, body) == (200, b"body{}")
            assert css.getheader("Cache-Control") == "max-age=315360000, public, immutable"
            assert "default-src 'self'" in css.getheader("Content-Security-Policy")
            assert css.getheader("X-Content-Type-Options") == "nosniff"
            # On what the site answered, its own headers only, never doubled.
            home, _body = visitor.get("/fr/")
            assert len(home.msg.get_all("Content-Security-Policy")) == 1
            assert len(home.msg.get_all("X-Frame-Options")) == 1
        finally:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGQUIT)
            proc.wait(timeout=10)


# Mozilla's "intermediate" configuration, version 5.7 (README "TLS"): TLS 1.2 and 1.3, AEAD
# suites with forward secrecy only (no DHE: it needs a dhparam file), three groups.
MOZILLA_INTERMEDIATE_CIPHERS = [
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
]  # fmt: skip
MOZILLA_INTERMEDIATE_TLS13 = ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                              "TLS_CHACHA20_POLY1305_SHA256"]  # fmt: skip
MOZILLA_INTERMEDIATE_GROUPS = ["X25519", "prime256v1", "secp384r1"]


def directives(conf: str) -> dict[str, str]:
    """The https server's `ssl_*` directives, name → value."""
    found = {}
    for name, value in re.findall(r"^\s*(ssl_\w+)\s+([^;]+);", conf, re.MULTILINE):
        assert name not in found or name == "ssl_conf_command", f"{name} twice"
        found[name] = found.get(name, "") + ("\n" if name in found else "") + value.strip()
    return found


def test_tls_follows_mozillas_intermediate_profile(tmp_path):
    tls = directives(rendered(tmp_path))
    assert tls["ssl_protocols"].split() == ["TLSv1.2", "TLSv1.3"]
    assert tls["ssl_ciphers"].split(":") == MOZILLA_INTERMEDIATE_CIPHERS
    assert tls["ssl_conf_command"].split() == ["Ciphersuites", ":".join(MOZILLA_INTERMEDIATE_TLS13)]
    groups = tls["ssl_ecdh_curve"].split(":")
    # A post-quantum hybrid may come first where OpenSSL offers it; nothing else is added.
    assert groups in (MOZILLA_INTERMEDIATE_GROUPS, ["X25519MLKEM768", *MOZILLA_INTERMEDIATE_GROUPS])
    assert tls["ssl_prefer_server_ciphers"] == "off"
    assert tls["ssl_session_tickets"] == "off"
    assert tls["ssl_session_timeout"] == "1d"
    assert tls["ssl_session_cache"].startswith("shared:")
    assert "ssl_dhparam" not in tls  # so no DHE suite either


def test_the_local_certificate_lives_at_most_365_days_and_an_older_one_is_made_again(tmp_path):
    from cryptography import x509

    def lifetime(path):
        cert = x509.load_pem_x509_certificate(path.read_bytes())
        return cert.not_valid_after_utc - cert.not_valid_before_utc

    certificate, _key = nginx_config.self_signed(tmp_path / "tls", ["localhost"])
    assert lifetime(certificate).days <= 365
    assert nginx_config.self_signed(tmp_path / "tls", ["localhost"])[0].read_bytes() == (
        certificate.read_bytes()  # kept: a browser asks to trust it once
    )
    # One made before (826 days, as `make serve` made them) is made again.
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = serialization.load_pem_private_key(_key.read_bytes(), None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    made = x509.load_pem_x509_certificate(certificate.read_bytes())
    before = made.not_valid_before_utc
    long_lived = (
        x509.CertificateBuilder().subject_name(made.subject).issuer_name(made.issuer)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(before).not_valid_after(before + datetime.timedelta(days=826))
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    old = long_lived.public_bytes(serialization.Encoding.PEM)
    certificate.write_bytes(old)
    again, _key = nginx_config.self_signed(tmp_path / "tls", ["localhost"])
    assert again.read_bytes() != old
    assert lifetime(again).days <= 365


def handshake(port: int, *options: str) -> str:
    """The suite `openssl s_client` agreed with nginx given `options`, or "" if refused."""
    out = subprocess.run(
        ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername", "localhost",
         *options],
        input="", capture_output=True, text=True, timeout=20, check=False,
    )  # fmt: skip
    agreed = re.search(r"Cipher is (\S+)", out.stdout)
    return "" if agreed is None or agreed.group(1) == "(NONE)" else agreed.group(1)


def temp_key(port: int, group: str) -> bool:
    out = subprocess.run(
        ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-groups", group],
        input="", capture_output=True, text=True, timeout=20, check=False,
    )  # fmt: skip
    return "Server Temp Key" in out.stdout


@needs_nginx
@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_nginx_refuses_what_the_intermediate_profile_leaves_out(tmp_path):
    """What sslyze's --mozilla_config=intermediate found accepted: CBC, CCM, ARIA and
    Camellia suites, TLS 1.1 and the secp521r1 and X448 groups."""
    https = free_port()
    main = nginx_config.render(
        tmp_path / "nginx", server_names=["localhost"], upstream="127.0.0.1:9",
        https_listen=f"127.0.0.1:{https}", http_listen=f"127.0.0.1:{free_port()}",
        standalone=True, workers="1",
    )  # fmt: skip
    proc = subprocess.Popen(
        [NGINX, "-p", str(main.parent), "-c", str(main), "-e", str(main.parent / "e.log")],
        start_new_session=True,
    )
    try:
        deadline = time.time() + 10
        while not handshake(https, "-tls1_3"):
            assert time.time() < deadline, "nginx did not start"
            time.sleep(0.1)
        for suite in MOZILLA_INTERMEDIATE_TLS13:
            assert handshake(https, "-tls1_3", "-ciphersuites", suite) == suite
        assert handshake(https, "-tls1_3", "-ciphersuites", "TLS_AES_128_CCM_SHA256") == ""
        # The certificate is ECDSA: the ECDHE-ECDSA suites are the ones it can agree.
        for suite in MOZILLA_INTERMEDIATE_CIPHERS[0::2][:3]:
            assert handshake(https, "-tls1_2", "-cipher", suite) == suite
        for suite in ("ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384",
                      "ECDHE-ECDSA-AES128-CCM", "ECDHE-ECDSA-ARIA128-GCM-SHA256",
                      "ECDHE-ECDSA-CAMELLIA128-SHA256"):  # fmt: skip
            assert handshake(https, "-tls1_2", "-cipher", f"{suite}@SECLEVEL=0") == "", suite
        assert handshake(https, "-tls1_1", "-cipher", "ALL@SECLEVEL=0") == ""
        for group in MOZILLA_INTERMEDIATE_GROUPS:
            assert temp_key(https, group), group
        for group in ("secp521r1", "X448"):
            assert not temp_key(https, group), group
    finally:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGQUIT)
        proc.wait(timeout=10)


def test_visitors_see_no_cache_internals(tmp_path):
    conf = rendered(tmp_path)
    assert "X-Cache-Status" not in conf
    assert "$upstream_cache_status" not in conf
    assert "X-Cache-Status" in rendered(tmp_path, show_cache_status=True)  # the tests' own


@contextlib.contextmanager
def cache_decisions(tmp_path):
    """nginx with the site's rendered configuration and one more server that answers, for
    any address, what the site's server would decide about its cache: the key, and the
    values that make it skip the cache (bypass) or not store the answer (no_cache)."""
    conf = rendered(tmp_path)
    decisions = {
        "key": re.search(r"proxy_cache_key (.+);", conf).group(1),
        "bypass": re.search(r"proxy_cache_bypass (.+);", conf).group(1),
        "no_cache": re.search(r"proxy_no_cache (.+);", conf).group(1),
    }
    port = free_port()
    prefix = tmp_path / "nginx"
    answer = "\\n".join(f"{name}={value}" for name, value in decisions.items())
    main = prefix / "decisions.conf"
    main.write_text(
        f"pid {prefix}/decisions.pid;\nerror_log {prefix}/e.log crit;\ndaemon off;\n"
        "events {}\nhttp {\n"
        + "".join(f"    {kind}_temp_path {prefix}/{kind};\n"
                  for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"    include {prefix}/jedisstop.conf;\n"
        f"    server {{\n        listen 127.0.0.1:{port};\n        server_name localhost;\n"
        f'        location / {{ return 200 "{answer}"; }}\n    }}\n}}\n'
    )  # fmt: skip
    proc = subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(main), "-e", str(prefix / "e.log")],
        start_new_session=True,
    )

    def decide(path: str, cookie: str = "") -> dict[str, str]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", path, headers={"Host": "localhost", "Cookie": cookie})
        body = conn.getresponse().read().decode()
        conn.close()
        return dict(line.split("=", 1) for line in body.splitlines())

    try:
        deadline = time.time() + 10
        while True:
            try:
                decide("/")
                break
            except OSError:
                assert time.time() < deadline, (prefix / "e.log").read_text()
                time.sleep(0.1)
        yield decide
    finally:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGQUIT)
        proc.wait(timeout=10)


def skips(values: str) -> bool:
    """nginx skips the cache when any of the values is neither empty nor "0"."""
    return any(value not in ("", "0") for value in values.split())


@needs_nginx
def test_the_cache_key_keeps_only_the_query_parameters_public_pages_read(tmp_path):
    """A public page reads `page` (a list) and `topic` (the contact form), nothing else: a
    flood of other query strings is the same cached page (no render, nothing pushed out);
    a query nginx cannot read as the site would (a name twice, in capitals, escaped, a page
    number written another way) is neither read from the cache nor stored in it."""
    with cache_decisions(tmp_path) as decide:
        home = decide("/fr/")
        assert not skips(home["bypass"])
        assert not skips(home["no_cache"])
        flood = {decide(f"/fr/?x={n}")["key"] for n in range(50)}
        flood |= {
            decide(path)["key"]
            for path in ("/fr/?", "/fr/?utm_source=mail&utm_medium=x%20y", "/fr/?a", "/fr/?x=")
        }
        assert flood == {home["key"]}
        for path in ("/fr/?x=1", "/fr/?utm_source=mail%20x"):
            assert not skips(decide(path)["no_cache"]), path

        news = decide("/fr/actualites/")["key"]
        second = decide("/fr/actualites/?page=2")
        assert second["key"] != news
        assert not skips(second["no_cache"])
        for path in (
            "/fr/actualites/?page=2&x=1",
            "/fr/actualites/?x=%20&page=2",
            "/fr/actualites/?&page=2&",
        ):
            assert decide(path)["key"] == second["key"], path
        assert decide("/fr/actualites/?page=3")["key"] not in (news, second["key"])
        press = decide("/fr/contact/?topic=press")
        assert press["key"] != decide("/fr/contact/")["key"]
        assert decide("/fr/contact/?topic=press&x=2")["key"] == press["key"]

        for odd in (
            "page=2&page=3",
            "PAGE=2",
            "Page=2",
            "pag%65=2",
            "%70age=2",
            "page=02",
            "page=abc",
            "page=",
            "page=2&Page=3",
            "page=2&topic=press",
            "topic=press&topic=general",
            "topic=Press",
            "x%3D1%26page=2",
        ):
            decision = decide(f"/fr/actualites/?{odd}")
            assert skips(decision["bypass"]), odd
            assert skips(decision["no_cache"]), odd
        # The staff's session still keeps a page out of the cache, whatever its query.
        for path in ("/fr/", "/fr/?x=1", "/fr/actualites/?page=2"):
            decision = decide(path, cookie="sessionid=x")
            assert skips(decision["bypass"]), path
            assert skips(decision["no_cache"]), path


def test_nginx_is_the_one_cache_and_one_request_fills_it(tmp_path):
    """The site keeps no page of its own: a page new to nginx's cache is asked once, the
    others waiting for that answer (the report form included, now a public page)."""
    conf = rendered(tmp_path)
    assert re.search(r"^\s*proxy_cache_lock on;", conf, re.M)
    assert re.search(r"^\s*proxy_cache_lock_timeout 5s;", conf, re.M)


def test_a_public_page_is_kept_compressed_once(tmp_path):
    conf = rendered(tmp_path)
    assert re.search(r"^\s*proxy_set_header Accept-Encoding gzip;", conf, re.M)
    assert re.search(r"^\s*proxy_ignore_headers Vary;", conf, re.M)
    assert re.search(r"^\s*gunzip on;", conf, re.M)
