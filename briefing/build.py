"""Build orchestration: gather and validate all content first, then write every output.

A content error in one letter keeps that letter out of the build and is reported;
the other documents are still written, and the build ends non-zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.corpus import Corpus, LetterSource, load_corpus
from briefing.errors import BriefingError, Problem
from briefing.pdf import write_pdf
from briefing.render import render_html
from briefing.settings import Settings, load_settings, templates_dir
from briefing.views import letter_view

DEFAULT_EMBLEM = "assets/ribbon.svg"


@dataclass
class BuildReport:
    """What a build wrote, and what went wrong."""

    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed and the content had no errors."""
        return not self.failed and not any(p.severity == "error" for p in self.problems)

    def lines(self) -> list[str]:
        """Human-readable summary, one line per written file, then a closing line."""
        out = [f"wrote {path}" for path in self.written]
        out += [f"failed {what}" for what in self.failed]
        out.append(f"{len(self.written)} written, {len(self.failed)} failed")
        return out


def letter_html(source: LetterSource, settings: Settings) -> str:
    """The HTML of one letter."""
    emblem = f"assets/{settings.emblem}" if settings.emblem else DEFAULT_EMBLEM
    return render_html("letter.html", settings, view=letter_view(source), emblem=emblem)


def build(content: Path, out: Path) -> BuildReport:
    """Validate everything under ``content``, then write every output under ``out``."""
    settings = load_settings(content)
    corpus: Corpus = load_corpus(content)
    report = BuildReport(problems=list(corpus.problems))
    for source in corpus.letters:
        target = out / "letters" / f"{source.letter.id}.pdf"
        try:
            write_pdf(letter_html(source, settings), target, templates_dir())
        except BriefingError as exc:
            report.failed.append(f"{target}: {exc}")
            continue
        report.written.append(target)
    broken = {p.path for p in corpus.errors if p.path.parent.name == "letters"}
    report.failed += [f"{path}: not built, its content has errors" for path in sorted(broken)]
    return report
