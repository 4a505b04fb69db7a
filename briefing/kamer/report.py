"""What ``briefing kamer link`` reports: a line per content item, and the summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from briefing.kamer.records import clean
from briefing.kamer.store import Row


@dataclass
class Report:
    """What ``link`` found: a line per content item, and counts for the summary."""

    path: Path
    lines: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    linked: Counter[str] = field(default_factory=Counter)
    #: Facts a person wrote that the records contradict, kept as written.
    by_hand: int = 0

    def summary(self) -> str:
        """The closing line."""
        kinds = ", ".join(
            f"{self.linked[kind]} {kind}s" for kind in ("letter", "motion", "debate", "commitment")
        )
        c = self.counts
        return (
            f"linked {self.linked.total()} of {c.total()} content items ({kinds}; {c['kept']} "
            f"kept, {c['linked']} new); {c['ambiguous']} ambiguous, {c['near']} near, "
            f"{c['not found'] + c['not in store']} not found"
            + (f", {c['refused']} refused" if c["refused"] else "")
            + (f", {c['wrong kind']} of the wrong kind" if c["wrong kind"] else "")
            + (f", {c['removed']} removed by the Kamer" if c["removed"] else "")
            + (
                f", {self.by_hand} fact{'s' if self.by_hand != 1 else ''} written by hand "
                "against the records"
                if self.by_hand
                else ""
            )
            + f"; wrote {self.path}"
        )


def describe(row: Row) -> str:
    """A record in a line: its number, kind, day, subject (and status for an activity)."""
    subject = clean(row.data.get("Onderwerp") or row.data.get("Tekst")) or ""
    subject = subject if len(subject) <= 70 else subject[:67] + "..."
    parts = [row.kind, row.day, f"'{subject}'" if subject else None]
    if row.entity == "Activiteit":
        parts.append(clean(row.data.get("Status")))
    return f"{row.entity} {row.nummer} ({', '.join(p for p in parts if p)})"
