"""`./dev edit`: the web editor on this machine, and the live preview of what it saves.

    ./dev edit [--dev-addr 127.0.0.1:8000] [other `mkdocs serve` options]

Starts decap-server (the proxy Decap CMS saves through, locked in package.json) on 127.0.0.1 at
`extra.campaign.editor.local_port`, writing into this folder, and `mkdocs serve` beside it. Staff open
http://127.0.0.1:8000/admin/, write and save; the preview rebuilds and the site's pages show the change.
Ctrl-C (or either program ending) stops both, each with its children.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import click

from .cli import Project

DECAP_SERVER = Path("node_modules", "decap-server", "dist", "index.js")
DEFAULT_ADDRESS = "127.0.0.1:8000"


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml", show_default=True)
@click.option("-a", "--dev-addr", default=DEFAULT_ADDRESS, show_default=True, help="Where the preview and the editor are served.")
@click.pass_context
def main(ctx: click.Context, config_file: Path, dev_addr: str) -> None:
    """Start the web editor's local proxy and the live preview; stop both on Ctrl-C."""
    project = Project(config_file)
    editor = project.settings.editor
    if editor is None:
        raise click.ClickException("the web editor is off (extra.campaign.editor.enabled: false in mkdocs.yml)")
    server = project.dir / DECAP_SERVER
    if shutil.which("node") is None:
        raise click.ClickException("Node.js (node) is not installed; decap-server, the editor's local proxy, needs it")
    if not server.is_file():
        raise click.ClickException(f"{DECAP_SERVER.as_posix()} is not installed: run `npm ci` in {project.dir}")
    proxy_env = {**os.environ, "PORT": str(editor.local_port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
                 "GIT_REPO_DIRECTORY": str(project.dir), "LOG_LEVEL": "warn"}
    mkdocs = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", dev_addr, "-f", str(project.config_file), *ctx.args]
    children = [
        # Each in its own process group, so that stopping it stops what it started too.
        subprocess.Popen(["node", str(server)], cwd=project.dir, env=proxy_env, start_new_session=True),
        subprocess.Popen(mkdocs, cwd=project.dir, start_new_session=True),
    ]
    click.echo(f"web editor: http://{dev_addr}/admin/ (saving into {project.dir} through decap-server on "
               f"127.0.0.1:{editor.local_port}); the site: http://{dev_addr}/. Ctrl-C stops both.", err=True)
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    code = 0
    while not stopping:
        ended = [child for child in children if child.poll() is not None]
        if ended:
            code = ended[0].returncode or 0
            name = "decap-server" if ended[0] is children[0] else "mkdocs serve"
            click.echo(f"{name} ended (exit code {code}); stopping the other", err=True)
            break
        time.sleep(0.2)
    for child in children:
        _stop(child)
    sys.exit(code)


def _stop(child: subprocess.Popen) -> None:
    """SIGTERM to the child's process group, then SIGKILL after 10 s."""
    if child.poll() is not None:
        return
    try:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    except ProcessLookupError:
        pass


if __name__ == "__main__":
    main()
