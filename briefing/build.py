"""Build orchestration: check what is stale, then render only that, letters before reports.

The build first compares the build record with the content and templates on disk; when
nothing changed it stops there, without loading the content or importing WeasyPrint.
Otherwise it loads and validates all content, plans every output and renders the ones
whose inputs changed (all of them with ``force``), in parallel processes when asked.
Letters come first: the pages on which their sections fall are what the briefings and
sector summaries cite.

A letter with content errors is not built and its previous PDF is kept; the other letters
are still built. Reports (briefings, sector summaries, the overview) span every letter, so
while any content has errors, or a letter failed to render, they are left as they were
rather than rebuilt from incomplete content. The build then ends non-zero and names what
it did not build.
"""

from __future__ import annotations

import datetime as dt
import difflib
import fcntl
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError, ContentError, Problem
from briefing.pdf import PARTIAL_SUFFIX, Rendered
from briefing.record import (
    RESOURCE,
    VERSION,
    Entry,
    Inputs,
    Record,
    digest_bytes,
    digest_json,
)
from briefing.settings import templates_dir

if TYPE_CHECKING:  # the plan is loaded only when something is to be done
    from briefing.documents import Output
    from briefing.views.common import PageMap

LOCK_FILE = ".briefing-build.lock"

#: Called after each output is handled, with its name and what happened to it.
OnDone = Callable[[str, str], None]
REBUILT, FAILED = "rebuilt", "failed"


@dataclass
class BuildReport:
    """What a build did to each output, and the content problems it found."""

    rebuilt: list[str] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed or was skipped and the content had no errors."""
        errors = any(p.severity == "error" for p in self.problems)
        return not (self.failed or self.skipped or errors)

    def summary(self) -> str:
        """The closing line, e.g. ``3 rebuilt, 14 up to date, 0 failed``."""
        parts = [
            f"{len(self.rebuilt)} rebuilt",
            f"{len(self.up_to_date)} up to date",
            f"{len(self.failed)} failed",
        ]
        if self.skipped:
            parts.append(f"{len(self.skipped)} kept from before (content has errors)")
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

    ``force`` renders everything again; ``jobs`` is the number of rendering processes.
    ``on_start`` receives the number of documents to render, ``on_done`` each result.
    """
    with _locked(out):
        _remove_partials(out)
        record = Record.read(out)
        snapshot = record.content_digests(content)
        if not force and _nothing_changed(content, out, record, snapshot):
            return BuildReport(up_to_date=sorted(record.outputs))
        return _Build(content, out, record, snapshot, force, jobs, on_start, on_done).run()


def _nothing_changed(content: Path, out: Path, record: Record, snapshot: dict[str, str]) -> bool:
    """True when the last build was complete and none of its inputs or outputs changed."""
    if not record.complete or not record.outputs or snapshot != record.content:
        return False
    inputs = Inputs(record, content, snapshot, _recorded_pages(record))
    return all(
        inputs.unchanged(entry.inputs) and record.digest(out / name) == entry.pdf
        for name, entry in record.outputs.items()
    )


def _recorded_pages(record: Record) -> dict[str, str]:
    return {
        Path(name).stem: digest_json(entry.anchors)
        for name, entry in record.outputs.items()
        if name.startswith("letters/")
    }


class _Build:
    """One build that has something to do: load, plan, render what is stale, record."""

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
        self.pages: dict[str, dict[str, int]] = {}

    def run(self) -> BuildReport:
        from briefing.corpus import load_corpus
        from briefing.documents import plan
        from briefing.settings import load_settings

        settings = load_settings(self.content)
        corpus = load_corpus(self.content)
        planned = plan(corpus, settings)
        report = BuildReport(problems=list(corpus.problems))
        self.inputs = Inputs(self.record, self.content, self.snapshot, {})

        letters = [self._stale(o, i, compare_here=True) for i, o in enumerate(planned.letters)]
        reports_blocked = bool(corpus.errors)
        self.on_start(sum(1 for job in letters if job is not None) + len(planned.reports))
        try:
            self._render(planned.letters, letters, report)
            for output in planned.letters:
                if output.name in self.record.outputs and output.letter_id:
                    self.pages[output.letter_id] = self.record.outputs[output.name].anchors
            reports_blocked = reports_blocked or bool(report.failed)
            if reports_blocked:  # also those a broken letter keeps out of the plan
                kept = {o.name for o in planned.reports}
                kept |= {n for n in self.record.outputs if not n.startswith("letters/")}
                report.skipped += sorted(kept)
            else:
                self.inputs = Inputs(self.record, self.content, self.snapshot, self._page_digests())
                reports = [self._stale(o, i) for i, o in enumerate(planned.reports)]
                self._render(planned.reports, reports, report)
        finally:
            self.record.complete = not (reports_blocked or report.failed)
            self.record.content = self.snapshot
            if self.record.complete:
                report.removed = self._remove_orphans(planned.letters + planned.reports)
            self.record.write(self.out)
        broken = sorted({p.path for p in corpus.errors if p.path.parent.name == "letters"})
        report.failed += [f"{path}: not built, its content has errors" for path in broken]
        return report

    def _page_digests(self) -> dict[str, str]:
        return {letter_id: digest_json(anchors) for letter_id, anchors in self.pages.items()}

    def _stale(self, output: Output, index: int, compare_here: bool = False) -> _Job | None:
        """What to do for ``output``: None when it is up to date, else the job that renders it.

        When only some of its files changed, the HTML decides: the same HTML as recorded
        needs no rendering. That comparison is made here with ``compare_here`` (so the count
        of documents to render is exact), else where the document is rendered.
        """
        known = self.inputs.known(output.sources, output.template, output.cites)
        entry = self.record.outputs.get(output.name)
        current_pdf = entry is not None and self.record.digest(self.out / output.name) == entry.pdf
        job = _Job(index, output.name, output.weight)
        if entry is None or not current_pdf or self.force:
            return job
        resources, recorded = _fetched_and_known(entry.inputs)
        if not self.inputs.unchanged(resources):
            return job
        if known == recorded:
            return None
        same_versions = all(
            entry.inputs.get(k) == v for k, v in known.items() if k.startswith(VERSION)
        )
        if not same_versions:
            return job
        if not compare_here:
            return replace(job, unless=entry.html)
        html = output.html(self.pages)
        if digest_bytes(html.encode()) == entry.html:
            entry.inputs = known | resources  # same HTML from changed files: nothing to render
            return None
        return replace(job, html=html)

    def _render(self, outputs: list[Output], jobs: list[_Job | None], report: BuildReport) -> None:
        """Run the jobs for ``outputs`` (None: up to date); record each result as it comes."""
        todo = [job for job in jobs if job is not None]
        report.up_to_date += [o.name for o, job in zip(outputs, jobs, strict=True) if job is None]
        for job, (html_digest, result) in _run(todo, outputs, self.pages, self.out, self.jobs):
            name, output = job.name, outputs[job.index]
            known = self.inputs.known(output.sources, output.template, output.cites)
            if result is None:  # same HTML from changed files: nothing rendered
                entry = self.record.outputs[name]
                entry.inputs = known | _fetched_and_known(entry.inputs)[0]
                report.up_to_date.append(name)
                continue
            if isinstance(result, str):
                self.record.outputs.pop(name, None)
                report.failed.append(f"{self.out / name}: {result}")
                self.on_done(name, FAILED)
                continue
            self.record.outputs[name] = Entry(
                known | self.inputs.resources(result.resources),
                html_digest,
                self.record.digest(self.out / name),
                result.anchors if output.letter_id else {},
            )
            if output.letter_id:
                self.pages[output.letter_id] = result.anchors
            report.rebuilt.append(name)
            self.on_done(name, REBUILT)

    def _remove_orphans(self, planned: list[Output]) -> list[str]:
        """Delete the PDFs of a previous build whose content is gone; return their names."""
        names = {o.name for o in planned}
        removed = []
        for name in sorted(set(self.record.outputs) - names):
            entry = self.record.outputs.pop(name)
            target = self.out / name
            if self.record.digest(target) == entry.pdf:  # only what the build itself wrote
                target.unlink()
                removed.append(name)
        return removed


def _fetched_and_known(inputs: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Recorded inputs split into what rendering fetched and what was known before it."""
    fetched = {k: v for k, v in inputs.items() if k.startswith(RESOURCE)}
    return fetched, {k: v for k, v in inputs.items() if k not in fetched}


@dataclass(frozen=True)
class _Job:
    """One document to render: the output at ``index`` of its stage, and its HTML if made."""

    index: int
    name: str
    #: A rough measure of the document's length; longer documents are rendered first.
    weight: int
    #: The HTML, when the build already made it; else it is made where the job runs.
    html: str | None = None
    #: The recorded HTML digest: when the HTML comes out the same, nothing is rendered.
    unless: str | None = None


#: What a job gives: the digest of its HTML, and what rendering gave (None: not rendered).
Outcome = tuple[str, Rendered | str | None]


def _render_one(html: str, target: str, root: str) -> Rendered | str:
    """Write one PDF; a failure comes back as its message."""
    from briefing.pdf import write_pdf

    try:
        return write_pdf(html, Path(target), Path(root))
    except BriefingError as exc:
        return str(exc)
    except Exception as exc:  # a bug must not stop the other documents
        return f"internal error: {type(exc).__name__}: {exc}"


def _work(job: _Job, outputs: list[Output], pages: PageMap, target: str, root: str) -> Outcome:
    """Make the job's HTML if need be, and render it unless it is the recorded HTML."""
    html = job.html if job.html is not None else outputs[job.index].html(pages)
    html_digest = digest_bytes(html.encode())
    if job.unless is not None and html_digest == job.unless:
        return html_digest, None
    return html_digest, _render_one(html, target, root)


#: In a rendering process: the outputs of the stage and the letters' pages, from the build.
_stage: tuple[list[Output], PageMap] = ([], {})


def _adopt(outputs: list[Output], pages: PageMap) -> None:
    """Start a rendering process with the build's outputs and pages (given, not pickled)."""
    global _stage
    _stage = (outputs, pages)


def _work_here(job: _Job, target: str, root: str) -> Outcome:
    """:func:`_work` in a rendering process, on the outputs it was started with."""
    outputs, pages = _stage
    return _work(job, outputs, pages, target, root)


def _run(
    jobs: list[_Job], outputs: list[Output], pages: PageMap, out: Path, processes: int
) -> Iterator[tuple[_Job, Outcome]]:
    """Run the jobs, in ``processes`` processes; yield each with its outcome as it comes.

    The processes are forked from the build, so they share its outputs (HTML is made
    where it is rendered, in parallel); they take the longest documents first, so that
    no process is left with a long one when the others are done.
    """
    root = str(templates_dir())
    if processes <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield job, _work(job, outputs, pages, str(out / job.name), root)
        return
    if "fork" in multiprocessing.get_all_start_methods():
        context, initializer, initargs = (
            multiprocessing.get_context("fork"),
            _adopt,
            (outputs, pages),
        )
    else:  # processes that cannot share the outputs get the HTML made here
        jobs = [replace(job, html=job.html or outputs[job.index].html(pages)) for job in jobs]
        context, initializer, initargs = None, None, ()
    workers = min(processes, len(jobs))
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=initializer, initargs=initargs
    ) as pool:
        futures = {
            pool.submit(_work_here, job, str(out / job.name), root): job
            for job in sorted(jobs, key=lambda job: -job.weight)
        }
        try:
            for future in as_completed(futures):
                yield futures[future], future.result()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


@contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold the output folder's lock, so two builds never write into it at once."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK_FILE, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefingError(
                f"another build is writing to {out}; wait for it to finish"
            ) from None
        yield


def _remove_partials(out: Path) -> None:
    """Delete what an interrupted build left half written: temporary files, never outputs."""
    for partial in out.glob(f"*/.*{PARTIAL_SUFFIX}"):
        partial.unlink(missing_ok=True)


def prepare(
    content: Path,
    date: dt.date | None = None,
    target: Path | None = None,
    debate_id: str | None = None,
) -> Path:
    """Write the briefing on ``date`` (for one debate, if given) and return where it went.

    ``date`` defaults to the debate's day; ``target`` to
    ``build/briefings/<debate id or 'stand-van-zaken'>-<date>.pdf``.
    """
    from briefing.corpus import load_corpus
    from briefing.documents import briefing_html, letter_pages
    from briefing.pdf import write_pdf
    from briefing.settings import load_settings

    settings = load_settings(content)
    corpus = load_corpus(content)
    if corpus.errors:
        raise ContentError(corpus.errors)
    debate = None
    if debate_id is not None:
        if debate_id not in corpus.debates:
            close = difflib.get_close_matches(debate_id, list(corpus.debates), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "see debates.yaml"
            raise BriefingError(f"no debate '{debate_id}' in {content / 'debates.yaml'}; {hint}")
        debate = corpus.debates[debate_id]
    day = date or (debate.date if debate else None)
    if day is None:
        raise BriefingError("give the date of the briefing, or a debate to take it from")
    if target is None:
        name = f"{debate.id if debate else 'stand-van-zaken'}-{day.isoformat()}.pdf"
        target = Path("build") / "briefings" / name
    html = briefing_html(corpus, settings, day, letter_pages(corpus, settings), debate)
    write_pdf(html, target, templates_dir())
    return target
