"""Closed-loop HTTP load on one URL: `wrk` when the machine has it, else a Python stand-in.

Both keep `connections` requests in flight for `duration` seconds and report throughput and
latency percentiles; only loopback addresses are ever targeted.
"""

import http.client
import re
import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    tool: str


def check_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if not (host.startswith("127.") or host in {"localhost", "::1"}):
        raise ValueError(f"the benchmark only loads loopback addresses, not {host}")


def _milliseconds(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if not match:
        raise ValueError(f"unexpected wrk duration {text!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def parse_wrk(output: str) -> LoadResult:
    def number(pattern: str) -> str:
        match = re.search(pattern, output)
        if not match:
            raise ValueError(f"wrk output without {pattern!r}:\n{output}")
        return match.group(1)

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = sum(map(int, socket_errors.groups())) if socket_errors else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return LoadResult(
        requests_per_second=float(number(r"Requests/sec:\s+([\d.]+)")),
        p50_ms=_milliseconds(number(r"\s50%\s+([\d.]+\w+)")),
        p99_ms=_milliseconds(number(r"\s99%\s+([\d.]+\w+)")),
        requests=int(number(r"(\d+) requests in")),
        errors=errors,
        tool="wrk",
    )


def run_wrk(url: str, connections: int, duration: int, headers: dict[str, str]) -> LoadResult:
    header_args = [
        argument for name, value in headers.items() for argument in ("-H", f"{name}: {value}")
    ]
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "--latency",
            *header_args,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    ).stdout
    return parse_wrk(output)


def run_python(url: str, connections: int, duration: int, headers: dict[str, str]) -> LoadResult:
    """Threads with keep-alive connections (reopened when the server closes them)."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        own: list[float] = []
        failed = 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                continue
            own.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(own)
            errors[0] += failed

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    percentiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return LoadResult(
        requests_per_second=len(latencies) / elapsed,
        p50_ms=percentiles[49],
        p99_ms=percentiles[98],
        requests=len(latencies),
        errors=errors[0],
        tool="python",
    )


def run_load(
    url: str, connections: int, duration: int, headers: dict[str, str] | None = None
) -> LoadResult:
    """`headers` (a session cookie) go with every request."""
    check_loopback(url)
    if shutil.which("wrk"):
        return run_wrk(url, connections, duration, headers or {})
    return run_python(url, connections, duration, headers or {})
