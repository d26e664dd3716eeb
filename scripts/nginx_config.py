"""Render nginx's configuration for the site from its settings (README "Running in production").

    .venv/bin/python scripts/nginx_config.py --output DIR [options]

writes DIR/jedisstop.conf (for a server's own nginx: its `http { }` block) from
deploy/nginx/jedisstop.conf, every @NAME@ filled from the settings read from the environment
(DJANGO_ENV, STATIC_ROOT, MEDIA_ROOT, the cookie names, MAX_REQUEST_BYTES, the security
headers), so the proxy and the site never disagree. With --standalone it also writes
DIR/nginx.conf, a whole nginx run from DIR (`make serve`, `make bench`); with --self-signed
instead of --certificate and --certificate-key, a certificate for loopback made once into
DIR/tls/.
"""

from __future__ import annotations

import argparse
import datetime
import ipaddress
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "deploy" / "nginx"
MARKER = re.compile(r"@([A-Z_]+)@")
# The site's own page answers a body up to MAX_REQUEST_BYTES; nginx lets a little more
# through so that it does (README "Limits").
BODY_MARGIN = 4 * 1024 * 1024


def site_values() -> dict[str, str]:
    """What nginx must agree on with the site, read from its settings."""
    from django.conf import settings
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.utils.csp import build_policy

    hsts = ""
    if settings.SECURE_HSTS_SECONDS:
        hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            hsts += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            hsts += "; preload"
    private = [settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name]
    body = settings.MAX_REQUEST_BYTES + BODY_MARGIN
    return {
        "STATIC_ROOT": str(Path(settings.STATIC_ROOT).resolve()),
        "STATIC_MAX_AGE": str(settings.WHITENOISE_MAX_AGE),
        "PRIVATE_COOKIES": "|".join(re.escape(name) for name in private),
        "CLIENT_MAX_BODY_SIZE": f"{-(-body // (1024 * 1024))}m",
        # Without a nonce: nginx answers files, never a page with a script of its own.
        "CONTENT_SECURITY_POLICY": build_policy(settings.SECURE_CSP),
        "PERMISSIONS_POLICY": settings.PERMISSIONS_POLICY,
        "REFERRER_POLICY": settings.SECURE_REFERRER_POLICY or "",
        "X_FRAME_OPTIONS": settings.X_FRAME_OPTIONS,
        "CROSS_ORIGIN_OPENER_POLICY": settings.SECURE_CROSS_ORIGIN_OPENER_POLICY or "",
        "STRICT_TRANSPORT_SECURITY": hsts,
        "MEDIA_LOCATIONS": media_locations(),
    }


def media_locations() -> str:
    from django.conf import settings

    if settings.STORAGE_BACKEND != "filesystem":
        return (
            "    # Public uploads live in the bucket: the site serves them (and this cache\n"
            "    # keeps them as long as it says)."
        )
    media = Path(settings.MEDIA_ROOT).resolve()
    return (
        "    # Public uploads from disk, images only, as the site would serve them. An\n"
        "    # article's images go to the site, which shows a draft's only to editors.\n"
        '    location ~* "^/media/(?!news/)(.+\\.(?:png|jpe?g|webp|gif))$" {\n'
        f"        alias {media}/$1;\n"
        "    }"
    )


# The longest a certificate may live (Mozilla's intermediate profile allows 366 days).
CERTIFICATE_DAYS = 365


def _still_good(certificate: Path) -> bool:
    """A kept certificate that lives no longer than CERTIFICATE_DAYS, and has a week left."""
    from cryptography import x509

    try:
        cert = x509.load_pem_x509_certificate(certificate.read_bytes())
    except ValueError:
        return False
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    left = cert.not_valid_after_utc - datetime.datetime.now(datetime.UTC)
    return lifetime <= datetime.timedelta(days=CERTIFICATE_DAYS) and left.days >= 7


def self_signed(folder: Path, names: list[str]) -> tuple[Path, Path]:
    """A certificate for loopback, made once and kept (a browser asks to trust it once),
    made again when it lives longer than CERTIFICATE_DAYS (one made before) or runs out."""
    certificate, key_file = folder / "localhost.crt", folder / "localhost.key"
    if certificate.exists() and key_file.exists() and _still_good(certificate):
        return certificate, key_file
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])])
    alternative = []
    for name in names:
        try:
            alternative.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alternative.append(x509.DNSName(name))
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=CERTIFICATE_DAYS - 1))
        .add_extension(x509.SubjectAlternativeName(alternative), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)
    certificate.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return certificate, key_file


def fill(template: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        if not name.endswith("LOCATIONS") and ('"' in value or "\n" in value):
            raise SystemExit(f"{name} cannot go into nginx's configuration: {value!r}")
    text = MARKER.sub(lambda match: values[match.group(1)], template)
    if left := MARKER.findall(text):
        raise SystemExit(f"Not filled: {', '.join(sorted(set(left)))}")
    return text


def render(
    output: Path,
    *,
    server_names: list[str],
    upstream: str,
    https_listen: str = "443",
    http_listen: str = "80",
    certificate: Path | None = None,
    certificate_key: Path | None = None,
    cache_dir: Path | None = None,
    standalone: bool = False,
    workers: str = "auto",
    show_cache_status: bool = False,
) -> Path:
    """Write the configuration into `output`; return the file nginx is started with.

    `show_cache_status` adds X-Cache-Status (HIT, MISS, BYPASS) to every answer: for the
    tests only, a visitor never sees the cache's internals."""
    output = output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    if certificate is None or certificate_key is None:
        certificate, certificate_key = self_signed(output / "tls", server_names)
    https_port = https_listen.rsplit(":", 1)[-1].split()[0]
    values = {
        **site_values(),
        "CACHE_DIR": str(cache_dir or output / "cache"),
        "UPSTREAM": upstream,
        "SERVER_NAMES": " ".join(server_names),
        "HTTPS_LISTEN": https_listen,
        "HTTP_LISTEN": http_listen,
        "HTTPS_PORT_SUFFIX": "" if https_port == "443" else f":{https_port}",
        "CERTIFICATE": str(Path(certificate).resolve()),
        "CERTIFICATE_KEY": str(Path(certificate_key).resolve()),
        "ERROR_LOG": str(output / "error.log") if standalone else "/var/log/nginx/error.log",
        "CACHE_STATUS_HEADER": (
            "    add_header X-Cache-Status $upstream_cache_status;  # the tests' own"
            if show_cache_status
            else "    # No cache status header: a visitor never sees the cache's internals."
        ),
    }
    site = output / "jedisstop.conf"
    site.write_text(fill((TEMPLATES / "jedisstop.conf").read_text(), values))
    if not standalone:
        return site
    for folder in ("temp", "cache"):
        (output / folder).mkdir(exist_ok=True)
    main = output / "nginx.conf"
    main.write_text(
        fill(
            (TEMPLATES / "nginx.conf").read_text(),
            {
                # Started by root on a developer's machine, the workers read the checkout
                # as its owner would; a server's own nginx runs them as www-data.
                "USER": "user root;" if os.geteuid() == 0 else "",
                "WORKER_PROCESSES": workers,
                "PREFIX": str(output),
            },
        )
    )
    return main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--server-name", action="append", dest="server_names")
    parser.add_argument("--upstream", default="unix:/run/jedisstop/gunicorn.sock")
    parser.add_argument("--https-listen", default="443")
    parser.add_argument("--http-listen", default="80")
    parser.add_argument("--certificate", type=Path)
    parser.add_argument("--certificate-key", type=Path)
    parser.add_argument("--self-signed", action="store_true", help="for loopback only")
    parser.add_argument("--cache-dir", type=Path)
    parser.add_argument("--standalone", action="store_true")
    parser.add_argument("--workers", default="auto")
    args = parser.parse_args()
    if not args.self_signed and not (args.certificate and args.certificate_key):
        parser.error("give --certificate and --certificate-key (or --self-signed on loopback)")

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jedisstop.settings")
    import django
    from django.conf import settings

    django.setup()
    names = args.server_names or [h for h in settings.ALLOWED_HOSTS if h and "*" not in h]
    started_with = render(
        args.output,
        server_names=names,
        upstream=args.upstream,
        https_listen=args.https_listen,
        http_listen=args.http_listen,
        certificate=args.certificate,
        certificate_key=args.certificate_key,
        cache_dir=args.cache_dir,
        standalone=args.standalone,
        workers=args.workers,
    )
    print(started_with)


if __name__ == "__main__":
    main()
