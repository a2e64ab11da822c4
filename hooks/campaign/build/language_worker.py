"""A warm build of another language's site, for previews: one process that builds again on each request.

`mkdocs serve` rebuilds the default language in its own process, where what
a build read (the content cache, the page cache's memory) stays loaded. The
other languages' sites were a fresh `mkdocs build` process per rebuild,
which spent seconds importing MkDocs and reading its caches back from disk
before it could skip anything. Under `serve` each other language has one
worker instead: it runs MkDocs' own command line in-process, with the
arguments and environment the parent sends, once per rebuild, and answers
with its exit code. Plain builds keep one process per language and build:
nothing lives on after them.

The worker stops when the parent closes its end (or dies): it reads
requests from its standard input.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
import traceback
import weakref
from importlib import import_module
from pathlib import Path
from typing import IO

HOOKS_DIR = Path(__file__).resolve().parents[2]
_STARTER = "import sys; sys.path.insert(0, sys.argv[1]); from campaign.build.language_worker import serve; serve(sys.argv[2], int(sys.argv[3]))"


class LanguageWorker:
    """The parent's handle on one worker process."""

    def __init__(self, command_module: str, cwd: Path):
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-c", _STARTER, str(HOOKS_DIR), command_module, str(write_end)],
            cwd=cwd, stdin=subprocess.PIPE, pass_fds=(write_end,), text=True,
        )
        os.close(write_end)
        self._replies = os.fdopen(read_end, "r")
        # When this handle goes (new engine code under `serve`, or the end of `serve`), the worker reads the end
        # of its input and stops.
        weakref.finalize(self, _close_quietly, self.process.stdin)

    def alive(self) -> bool:
        return self.process.poll() is None

    def start(self, arguments: list[str], env: dict[str, str], cwd: Path) -> bool:
        """Ask for one build; False when the worker is gone."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps({"arguments": arguments, "env": env, "cwd": str(cwd)}) + "\n")
            self.process.stdin.flush()
        except OSError:
            return False
        return True

    def wait(self) -> int:
        """The exit code of the build asked for; -1 when the worker died."""
        reply = self._replies.readline().strip()
        return int(reply) if reply.lstrip("-").isdigit() else -1

    def close(self) -> None:
        _close_quietly(self.process.stdin)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._replies.close()


def _close_quietly(stream: IO | None) -> None:
    if stream is not None:
        with contextlib.suppress(OSError):
            stream.close()


def serve(command_module: str, reply_fd: int) -> None:
    """The worker's loop: each line of standard input is one build to run, answered on `reply_fd`."""
    cli = import_module(f"{command_module}.__main__").cli
    with os.fdopen(reply_fd, "w") as replies:
        for line in sys.stdin:
            request = json.loads(line)
            os.environ.clear()
            os.environ.update(request["env"])
            os.chdir(request["cwd"])
            # MkDocs' command line adds its log handler each time it runs: keep one.
            logger = logging.getLogger(command_module)
            for handler in [h for h in logger.handlers if h.name == "MkDocsStreamHandler"]:
                logger.removeHandler(handler)
            try:
                cli.main(request["arguments"], prog_name=command_module)
                code = 0
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
            except KeyboardInterrupt:
                return
            except Exception:  # what MkDocs' command line would let through: say it, and stay up for the next build
                traceback.print_exc()
                code = 1
            replies.write(f"{code}\n")
            replies.flush()
