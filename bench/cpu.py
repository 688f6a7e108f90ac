"""CPU time spent by a process and its children (the gunicorn master and its workers), read
from /proc: on a shared machine, requests per second depend on what else runs, while the
CPU time the server spends per request stays comparable."""

import os
from pathlib import Path

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:
            continue
    return children


def _own_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime and stime are the 14th and 15th fields; the text after ")" starts at the 3rd.
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of `pid` and its live children."""
    return _own_seconds(pid) + sum(_own_seconds(child) for child in _children(pid))
