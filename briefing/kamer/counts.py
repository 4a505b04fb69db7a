"""What a load or sync did to the store: records new, updated, unchanged and removed, per
entity, and the closing line that sums it up."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Counts:
    """What a load or sync did, per entity: records new, updated and unchanged, and those
    that came marked removed (``Verwijderd``), which are none of those: not new to the
    store's records, nor their update."""

    new: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts to these."""
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.removed += other.removed

    def summary(self, verb: str) -> str:
        """One line, e.g. ``loaded 318 records: 318 new, 0 updated, 0 unchanged (Zaak 254,
        Activiteit 64)``; ``, 2 removed`` after ``unchanged`` when records came removed."""
        per_entity = self.new + self.updated + self.unchanged + self.removed
        total = per_entity.total()
        entities = ", ".join(
            f"{name} {count:,}"
            for name, count in sorted(per_entity.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        line = (
            f"{verb} {total:,} record{'' if total == 1 else 's'}: {self.new.total():,} new, "
            f"{self.updated.total():,} updated, {self.unchanged.total():,} unchanged"
        )
        if self.removed:
            line += f", {self.removed.total():,} removed"
        return f"{line} ({entities})" if entities else line
