"""The processor weights of deploy/systemd/, given to the bench's processes.

On a systemd host the site's services sit in system.slice, each in its own group:
jedisstop-web.service (gunicorn) at CPUWeight=400, nginx at 100, while anything else that
runs (a login session, a load generator if one were there) is in another slice of equal
weight. A process's nice value only orders it within its own group, so this is what decides
who gets the processor in a rush.

The bench runs nginx and gunicorn as plain processes, which Linux puts each in a group of its
own (autogroup, one per session) at equal weight. `weighted()` puts them in the same
arrangement as the units: a group standing for system.slice, and in it one for gunicorn
(weight 400) and one for nginx (100); wrk and the bench's own client stay outside, in their
session's group, as a user's session would. Where the kernel's cpu controller cannot be
written (not root, no cgroup cpu controller), nothing changes and `weighted()` says so.

The bench's background load (wrk at nice 10, "visitors on other machines") would otherwise
weigh as much as the whole site: `remote_load()` gives it the weight nice 10 means.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

V2 = Path("/sys/fs/cgroup")
V1 = Path("/sys/fs/cgroup/cpu")
SLICE = "jedisstop-bench"
WEIGHTS = {"web": 400, "nginx": 100}  # deploy/systemd: jedisstop-web.service, nginx drop-in
# The background load stands for visitors on other machines: it runs at nice 10 (wrkload),
# which weighs 110 against a nice-0 process's 1024; as a group, the same proportion.
LOAD = "jedisstop-bench-load"
LOAD_WEIGHT = 11


def _hierarchy() -> tuple[Path, str, int] | None:
    """(root, weight file, weight of 100), or None where there is no writable cpu controller."""
    if (V2 / "cgroup.controllers").exists():
        if "cpu" in (V2 / "cgroup.controllers").read_text().split():
            return V2, "cpu.weight", 100
        return None
    if (V1 / "cpu.shares").exists():
        return V1, "cpu.shares", 1024
    return None


def _move(pids, group: Path) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, FileNotFoundError, OSError):
            (group / "cgroup.procs").write_text(f"{pid}\n")


@contextlib.contextmanager
def weighted(groups: dict[str, list[int]]):
    """Within the block, the processes of each named group (`web`, `nginx`) have the units'
    weights. Yields True if they were given, False if this machine cannot (nothing done)."""
    layout = [(SLICE, 100, [])]  # the slice: as any other group
    layout += [(f"{SLICE}/{name}", WEIGHTS[name], pids) for name, pids in groups.items()]
    with _groups(layout) as placed:
        yield placed


@contextlib.contextmanager
def remote_load(pid: int):
    """Within the block, the load generator `pid` weighs as nice 10 says it should, against
    every other group (autogroup alone would give it as much as the site). Yields True if
    it was placed, False if this machine cannot (nothing done)."""
    with _groups([(LOAD, LOAD_WEIGHT, [pid])]) as placed:
        yield placed


@contextlib.contextmanager
def _groups(layout: list[tuple[str, int, list[int]]]):
    """Each (path, weight on CPUWeight's scale, processes) made, parents first, and every
    process back in the root group and the groups removed at the end."""
    found = _hierarchy()
    if found is None or os.geteuid() != 0:
        yield False
        return
    root, weight_file, unit = found
    made: list[Path] = []
    try:
        for path, weight, pids in layout:
            group = root / path
            if root is V2 and group.parent != root:
                (group.parent / "cgroup.subtree_control").write_text("+cpu\n")
            group.mkdir(exist_ok=True)
            made.append(group)
            (group / weight_file).write_text(f"{max(weight * unit // 100, 2)}\n")
            _move(pids, group)
    except OSError:
        _release(root, made)
        yield False
        return
    try:
        yield True
    finally:
        _release(root, made)


def _release(root: Path, made: list[Path]) -> None:
    """Every process back where it was (the root group), the groups removed."""
    for group in reversed(made):
        with contextlib.suppress(OSError):
            pids = (group / "cgroup.procs").read_text().split()
            _move(pids, root)
            group.rmdir()


def family(pid: int) -> list[int]:
    """A process and its children (gunicorn's or nginx's master and workers)."""
    found = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found
