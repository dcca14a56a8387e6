"""A tiny HTTP server on a loopback address for hostile answers (entity bombs, huge bodies, redirects)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[[Any], tuple[int, dict[str, str], bytes]]
METHODS = ("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "PROPFIND", "REPORT", "LOCK", "UNLOCK")


class TinyServer:
    def __init__(
        self, host: str, handler: Handler, *, chunked: bool = False, tls: tuple[str, str] | None = None
    ) -> None:
        self.host = host
        self.handler = handler
        self.chunked = chunked
        self.requests: list[str] = []
        outer = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_a: Any) -> None:
                pass

            def _any(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                if n:
                    self.rfile.read(n)
                outer.requests.append(self.command)
                status, headers, body = outer.handler(self)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if outer.chunked and body:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    try:
                        for i in range(0, len(body), 1 << 20):
                            part = body[i : i + (1 << 20)]
                            self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                        self.wfile.write(b"0\r\n\r\n")
                    except OSError:
                        self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    try:
                        self.wfile.write(body)
                    except OSError:
                        self.close_connection = True

        for m in METHODS:
            setattr(H, f"do_{m}", H._any)
        self.httpd = ThreadingHTTPServer((host, 0), H)
        self.httpd.daemon_threads = True
        if tls is not None:  # (certificate file, key file)
            import ssl

            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(*tls)
            self.httpd.socket = ctx.wrap_socket(self.httpd.socket, server_side=True)
        self.port = int(self.httpd.server_address[1])
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> TinyServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
