"""Serve a built site as a production host would: gzip for text, a long cache for assets.

    python bench/serve_like_host.py PORT SITE_DIR

Python's own http.server sends neither, and Lighthouse would then measure the
server rather than the site (bench/lighthouse).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import sys

COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class HostLikeHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", "") or not ctype.startswith(COMPRESSED):
            return super().send_head()
        with open(path, "rb") as f:
            data = gzip.compress(f.read())
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "max-age=31536000")
        self.end_headers()
        return io.BytesIO(data)


if __name__ == "__main__":
    port, site = int(sys.argv[1]), sys.argv[2]
    http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(HostLikeHandler, directory=site)).serve_forever()
