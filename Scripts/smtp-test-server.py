#!/usr/bin/env python3
"""A real SMTP server for the mail tests: aiosmtpd on 127.0.0.1 and a free port.

Each message it accepts is saved as <n>.json in --maildir: the envelope (mail_from, rcpt_tos), whether
the connection was encrypted, who authenticated with which mechanism, and the content as received
(after the server removed the dot-stuffing). A self-signed certificate for localhost and 127.0.0.1 is
made with the openssl CLI in --certdir, so the client can trust exactly it.

Prints "LISTENING <port>" once it accepts connections, and stops when its standard input closes
(the test ends it that way, and a test process that dies takes the server with it)."""
import argparse
import asyncio
import json
import logging
import os
import pathlib
import ssl
import subprocess
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def make_certificate(directory: pathlib.Path) -> ssl.SSLContext:
    key, cert = directory / "server.key", directory / "server.crt"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-addext", "basicConstraints=critical,CA:TRUE"],
        check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    return context


class SaveToDirectory:
    def __init__(self, directory: pathlib.Path):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        auth = session.auth_data if session.authenticated else None
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "auth": auth,
            "content": envelope.content.decode("utf-8", errors="replace"),
        }
        partial = self.directory / f".{self.count}.json.tmp"
        partial.write_text(json.dumps(record), encoding="utf-8")
        os.replace(partial, self.directory / f"{self.count}.json")
        return "250 OK"


def authenticator_for(user: str, password: str):
    def authenticate(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        if auth_data.login.decode() == user and auth_data.password.decode() == password:
            return AuthResult(success=True, auth_data={"login": user, "mechanism": mechanism})
        return AuthResult(success=False, handled=False)
    return authenticate


async def serve(arguments) -> None:
    maildir, certdir = pathlib.Path(arguments.maildir), pathlib.Path(arguments.certdir)
    maildir.mkdir(parents=True, exist_ok=True)
    certdir.mkdir(parents=True, exist_ok=True)
    tls = make_certificate(certdir) if arguments.starttls or arguments.implicit_tls else None
    handler = SaveToDirectory(maildir)
    options = {"hostname": "localhost", "timeout": 120}
    if arguments.starttls:
        options.update(tls_context=tls, require_starttls=True)
    if arguments.auth:
        user, password = arguments.auth.split(":", 1)
        options.update(authenticator=authenticator_for(user, password), auth_required=True,
                       auth_require_tls=arguments.starttls,
                       auth_exclude_mechanism=arguments.exclude_mechanism or None)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, **options), "127.0.0.1", 0,
                                      ssl=tls if arguments.implicit_tls else None)
    print(f"LISTENING {server.sockets[0].getsockname()[1]}", flush=True)
    # Standard input closing is the signal to stop.
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()
    await server.wait_closed()


def main() -> None:
    # aiosmtpd logs every connection and warns about its own deprecated attributes; the test reads files.
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--certdir", required=True)
    parser.add_argument("--starttls", action="store_true", help="offer and require STARTTLS")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps)")
    parser.add_argument("--auth", help="USER:PASSWORD that AUTH accepts; AUTH is then required")
    parser.add_argument("--exclude-mechanism", action="append", help="an AUTH mechanism not to offer")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
