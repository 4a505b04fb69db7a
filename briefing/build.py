"""The build stage: check what is stale, then make only that, letters before reports.

The build first compares the build record with the content and templates on disk; when
nothing changed it stops there, without loading the content or importing WeasyPrint.
Otherwise it loads and validates all content, indexes it, plans every output and makes the
ones whose recorded inputs changed (all of them with ``force``), in parallel processes
when asked. Letters come first: the pages on which their sections fall are what the
briefings and sector summaries print.

A letter with content errors is not built and its previous PDF is kept; the other letters
are still built. Reports (briefings, sector summaries, the overview) span every letter, so
while any content has errors, or a letter failed to render, they are left as they were
rather than rebuilt from incomplete content; errors in a debate's lines to take hold back
only that debate's dossier, the one document that reads them. The build then ends non-zero
and names what it did not build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError, Interrupted, Problem, errors_in, stop_signal
from briefing.layout import LETTERS_DIR, require_apart, require_content
from briefing.lock import locked, remove_partials
from briefing.record import RECORD_FILE, Entry, Inputs, Record, digest_json

if TYPE_CHECKING:  # the stages that load content are imported only when there is work
    from briefing.plan import Output
    from briefing.views.links import PageMap
    from briefing.workers import Context, Done, Job

#: Called after each output is handled, with its name and what happened to it.
OnDone = Callable[[str, str], None]
REBUILT, FAILED = "rebuilt", "failed"


@dataclass
class BuildReport:
    """What a build did to each output, and the problems and warnings it found."""

    rebuilt: list[str] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    #: Outputs not made again while the content has errors (or a letter failed): those that
    #: exist from before are kept, the others are not made.
    skipped: list[str] = field(default_factory=list)
    not_made: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Warnings about the content and the templates, each a line ``path:line:column: ...``.
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed or was skipped and the content had no errors."""
        errors = errors_in(self.problems)
        return not (self.failed or self.skipped or self.not_made or errors)

    def summary(self) -> str:
        """The closing line, e.g. ``3 rebuilt, 14 up to date, 0 failed``."""
        parts = [
            f"{len(self.rebuilt)} rebuilt",
            f"{len(self.up_to_date)} up to date",
            f"{len(self.failed)} failed",
        ]
        held = [f"{len(self.skipped)} kept from before"] if self.skipped else []
        held += [f"{len(self.not_made)} not made"] if self.not_made else []
        errors = len(errors_in(self.problems))
        if held:
            why = "content has errors" if errors else "a letter failed"
            parts.append(f"{', '.join(held)} ({why})")
        elif errors:  # in a file no document reads, such as the notes of a debate without one
            parts.append(f"{errors} content error{'s' if errors > 1 else ''}")
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        return ", ".join(parts)

    def lines(self) -> list[str]:
        """What went wrong or was left out, one line each, then the closing line."""
        out = [f"failed {what}" for what in self.failed]
        out += [f"removed {name} (its content is gone)" for name in self.removed]
        return [*out, self.summary()]


def build(
    content: Path,
    out: Path,
    *,
    force: bool = False,
    jobs: int = 1,
    on_start: Callable[[int], None] | None = None,
    on_done: OnDone | None = None,
) -> BuildReport:
    """Bring every output under ``out`` up to date with ``content``.

    ``force`` makes everything again; ``jobs`` is the number of rendering processes.
    ``on_start`` receives the number of documents to make, ``on_done`` each result.
    Stopped by Ctrl-C or SIGTERM, it keeps what is complete, records it and raises
    :class:`Interrupted`, saying what is left for the next build.
    """
    require_content(content)
    require_apart(content, out)
    with locked(out):
        remove_partials(out)
        record = Record.read(out)
        try:
            snapshot = record.content_digests(content)
            if not force and _nothing_changed(content, out, record, snapshot):
                return BuildReport(up_to_date=sorted(record.outputs), warnings=record.warnings())
        except KeyboardInterrupt as stop:
            raise Interrupted("interrupted: nothing was changed", stop_signal(stop)) from None
        return _Build(content, out, record, snapshot, force, jobs, on_start, on_done).run()


def _nothing_changed(content: Path, out: Path, record: Record, snapshot: dict[str, str]) -> bool:
    """True when the last build was complete and none of its inputs or outputs changed."""
    if not record.complete or not record.outputs or snapshot != record.content:
        return False
    inputs = Inputs(record, content, snapshot, pages=page_digests(record))
    return all(
        inputs.unchanged(entry.inputs) and record.digest(out / name) == entry.pdf
        for name, entry in record.outputs.items()
    )


def page_digests(record: Record) -> dict[str, str]:
    """The digest of each recorded letter's page map, by letter id."""
    return {
        Path(name).stem: digest_json(entry.anchors)
        for name, entry in record.outputs.items()
        if name.startswith(f"{LETTERS_DIR}/")
    }


class _Build:
    """One build that has something to do: load, index, plan, make what is stale, record."""

    def __init__(
        self,
        content: Path,
        out: Path,
        record: Record,
        snapshot: dict[str, str],
        force: bool,
        jobs: int,
        on_start: Callable[[int], None] | None,
        on_done: OnDone | None,
    ) -> None:
        self.content, self.out, self.record, self.snapshot = content, out, record, snapshot
        self.force, self.jobs = force, jobs
        self.on_start = on_start or (lambda total: None)
        self.on_done = on_done or (lambda name, what: None)
        self.report = BuildReport()

    def run(self) -> BuildReport:
        """Make what is stale; write the record, however the build ends."""
        self.planned: list[Output] = []
        finished = False
        try:
            self._run()
            finished = True
        except KeyboardInterrupt as stop:
            raise Interrupted(self._left(), stop_signal(stop)) from None
        finally:
            self._write_record(finished)
        return self.report

    def _run(self) -> None:
        from briefing.corpus import load_corpus
        from briefing.index import Index
        from briefing.index.findings import content_warnings
        from briefing.layout import templates_dir
        from briefing.load_cache import LoadCache
        from briefing.plan import Kind, plan
        from briefing.settings import load_settings
        from briefing.workers import Context

        settings = load_settings(self.content)
        stored = LoadCache(self.out)
        corpus = load_corpus(self.content, stored)
        stored.prune()
        index = Index(corpus)
        planned = plan(index)
        self.planned = planned.outputs
        report = self.report
        report.problems = sorted(corpus.problems)
        findings = index.findings(dt.date.today())
        self.record.notes = [str(p) for p in content_warnings(corpus, findings)]
        self.inputs = Inputs(self.record, self.content, self.snapshot, index)
        context = Context(index, settings, templates_dir())
        general, notes = corpus.errors_for(None)  # notes: errors in a debate's lines to take
        self.blocked = bool(general)
        letters = [self._job(output, {}) for output in planned.letters]
        self.on_start(sum(job is not None for job in letters) + len(planned.reports))
        self._make(planned.letters, letters, context)
        self.blocked = self.blocked or bool(report.failed)
        if self.blocked:  # also those a broken letter keeps out of the plan
            held = {o.path for o in planned.reports}
            self._hold(
                held | {n for n in self.record.outputs if not n.startswith(f"{LETTERS_DIR}/")}
            )
        else:
            noted = {debate for p in notes for debate in corpus.debates_of(p.path)}
            held = {o.path for o in planned.reports if o.kind is Kind.DOSSIER and o.key in noted}
            self._hold(held)
            self.blocked = bool(held)  # the build is not complete without them
            todo = [o for o in planned.reports if o.path not in held]
            pages = self._pages(planned.letters)
            self.inputs.pages = {lid: digest_json(p) for lid, p in pages.items()}
            reports = [self._job(o, {i: pages[i] for i in o.letters}) for o in todo]
            self._make(todo, reports, context)
        broken = sorted({p.path for p in corpus.errors if p.path.parent.name == LETTERS_DIR})
        report.failed += [f"{path}: not built, its content has errors" for path in broken]

    def _hold(self, names: set[str]) -> None:
        """Leave the outputs ``names`` as they are: kept from before, or not made."""
        report = self.report
        report.skipped += sorted(n for n in names if (self.out / n).exists())
        report.not_made += sorted(n for n in names if not (self.out / n).exists())

    def _write_record(self, finished: bool) -> None:
        """Record what is complete: the whole build only when it finished without failures."""
        report = self.report
        self.record.complete = finished and not (getattr(self, "blocked", True) or report.failed)
        self.record.content = self.snapshot
        if self.record.complete:
            report.removed = self._remove_orphans(self.planned)
        report.warnings = self.record.warnings()
        try:
            self.record.write(self.out)
        except OSError as exc:
            raise BriefingError(
                f"cannot write the build record {self.out / RECORD_FILE}: "
                f"{exc.strerror or exc}; the PDFs written are complete, and the next build "
                "checks them all again"
            ) from None

    def _left(self) -> str:
        """What an interrupted build leaves for the next one, in one line."""
        if not self.planned:
            return "interrupted before any document was made; the next build makes them"
        done = len(self.report.rebuilt) + len(self.report.up_to_date)
        total = len(self.planned)
        return (
            f"interrupted: {done} of {total} documents are up to date; the next build makes "
            f"the other {total - done}"
        )

    def _pages(self, letters: list[Output]) -> PageMap:
        """The page of every anchor of every letter, as recorded."""
        recorded = self.record.outputs
        return {o.key: recorded[o.path].anchors for o in letters if o.path in recorded}

    def _job(self, output: Output, pages: PageMap) -> Job | None:
        """What to do for ``output``: None when it is up to date, else the job that makes it.

        When only some of what it read changed, the HTML decides: the same HTML as recorded
        needs no rendering.
        """
        from briefing.workers import Job

        target = self.out / output.path
        entry = self.record.outputs.get(output.path)
        job = Job(output, pages, target)
        if entry is None or self.force or self.record.digest(target) != entry.pdf:
            return job
        if self.inputs.unchanged(entry.inputs):
            return None
        if not self.inputs.unchanged(entry.rendering()):
            return job
        return Job(output, pages, target, unless=entry.html)

    def _make(self, outputs: list[Output], jobs: list[Job | None], context: Context) -> None:
        """Make the jobs for ``outputs`` (None: up to date); record each result as it comes."""
        from briefing.workers import make_all

        report = self.report
        todo = [job for job in jobs if job is not None]
        report.up_to_date += [o.path for o, job in zip(outputs, jobs, strict=True) if job is None]
        for done in make_all(todo, context, self.jobs):
            self._take(done)

    def _take(self, done: Done) -> None:
        """Record what one job gave."""
        name, report = done.output.path, self.report
        if done.error is not None:
            self.record.outputs.pop(name, None)
            report.failed.append(f"{self.out / name}: {done.error}")
            self.on_done(name, FAILED)
        elif done.rendered is None:  # the same HTML from changed inputs: nothing rendered
            entry = self.record.outputs[name]
            entry.inputs = self.inputs.of(done.reads, entry.rendering())
            report.up_to_date.append(name)
        else:
            resources = self.inputs.fetched(done.rendered.resources)
            anchors = done.rendered.anchors if name.startswith(f"{LETTERS_DIR}/") else {}
            self.record.outputs[name] = Entry(
                self.inputs.of(done.reads, resources),
                done.html,
                self.record.digest(self.out / name),
                anchors,
                list(done.rendered.warnings),
            )
            report.rebuilt.append(name)
            self.on_done(name, REBUILT)

    def _remove_orphans(self, planned: list[Output]) -> list[str]:
        """Delete the PDFs of a previous build whose content is gone; return their names."""
        names = {o.path for o in planned}
        removed = []
        for name in sorted(set(self.record.outputs) - names):
            entry = self.record.outputs.pop(name)
            target = self.out / name
            if self.record.digest(target) == entry.pdf:  # only what the build itself wrote
                target.unlink()
                removed.append(name)
        return removed
