"""What the figures were measured on: processor, cores, memory, system, Python, WeasyPrint."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.0f} GiB"
    except OSError:
        pass
    return "unknown"


def _system() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                name = line.split("=", 1)[1].strip().strip('"')
                return f"{name}, {platform.system()} {platform.release()}"
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}"


def hb_subset() -> bool:
    """True when WeasyPrint subsets fonts with HarfBuzz (hb-subset) rather than fontTools."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    return bool(harfbuzz_subset) and bool(harfbuzz.hb_version_atleast(4, 1, 0))


def load() -> str:
    """The load average over the last minute, as a rough sign of other work on the machine."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def description() -> list[tuple[str, str]]:
    """The machine and software, as (what, value) pairs."""
    return [
        ("CPU", _cpu()),
        ("cores", str(os.cpu_count())),
        ("RAM", _memory()),
        ("OS", _system()),
        ("Python", platform.python_version()),
        ("WeasyPrint", metadata.version("weasyprint")),
        ("font subsetting", "HarfBuzz (hb-subset)" if hb_subset() else "fontTools"),
    ]
