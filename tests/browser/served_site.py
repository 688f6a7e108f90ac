"""An isolated copy of the portal served by gunicorn, as production serves it.

Used by the browser tests and by the benchmark: everything the site writes (SQLite database,
collected static files, media) lives in its own directory, and the process runs with the
production settings, so what is checked is what visitors get.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]

# Variables of the caller that would point the isolated site at shared servers or folders.
INHERITED_VARIABLES_DROPPED = (
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "ELASTICSEARCH_URL",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "EMAIL_URL",
    "EMAIL_HOST",
    "DJANGO_SETTINGS_MODULE",
    "DEBUG",
    "CACHE_KEY_PREFIX",
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(var_dir: Path, **overrides: str) -> dict[str, str]:
    """The environment of a production-configured site on SQLite, confined to `var_dir`."""
    env = {
        key: value for key, value in os.environ.items() if key not in INHERITED_VARIABLES_DROPPED
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "coeurdeville.settings.production",
            "VAR_DIR": str(var_dir),
            "SECRET_KEY": "served-site-only-key-not-a-secret-0123456789",
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DEBUG": "false",
            # Production leaves uploads to a web server in front; here Django serves them itself.
            "SERVE_MEDIA": "true",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "LOG_LEVEL": "WARNING",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    env.update(overrides)
    return env


class ServedSite:
    """Builds the demo site in `var_dir` and serves it with gunicorn on a loopback port."""

    def __init__(
        self,
        var_dir: Path,
        *,
        workers: int = 2,
        threads: int = 1,
        env_overrides: dict[str, str] | None = None,
    ) -> None:
        self.var_dir = var_dir
        self.workers = workers
        self.threads = threads
        self.env = site_environment(var_dir, **(env_overrides or {}))
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.var_dir / "gunicorn.log"

    def manage(self, *args: str, timeout: float = 900) -> str:
        """Runs a management command against this site; its output on failure is raised."""
        return self.python("manage.py", *args, timeout=timeout)

    def python(self, *args: str, timeout: float = 900) -> str:
        result = subprocess.run(
            [sys.executable, *args],
            cwd=REPO_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"`python {' '.join(args)}` failed ({result.returncode}):\n"
                f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
            )
        return result.stdout

    def build(self) -> None:
        """Creates the database with the demo content, then collects the static files."""
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.manage("migrate", "--noinput")
        self.manage("load_demo")
        self.collectstatic()

    def collectstatic(self) -> None:
        self.manage("collectstatic", "--noinput", "--verbosity", "0")

    def start(self, timeout: float = 60) -> None:
        self.port = free_port()
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "coeurdeville.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--threads",
            str(self.threads),
            "--timeout",
            "60",
            "--no-control-socket",
        ]
        # Django's error tracebacks go to stderr: keep them beside gunicorn's own log.
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=REPO_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}):\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/sante/", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{self.log()}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        self.process = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""
