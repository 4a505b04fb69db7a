"""Completing a letter's metadata: the signature, and what the text does not give.

The model needs a sender, references, an addressee, a salutation and a signatory's
name for every letter. A letter's PDF gives most of them; the Kamerstuk layout gives
few. What is missing is proposed (from the content's other letters, from who held the
post on the letter's date, or as the usual value) and marked for review, or, where
nothing sensible can be proposed, filled with "onbekend" and marked.
"""

from __future__ import annotations

import annotated_types

from briefing.importing.closing import Closing
from briefing.importing.parsed import Head, LetterText
from briefing.importing.signatories import ministry_of, post_of, signing_name
from briefing.importing.text import collapse, shortened, without_calls
from briefing.model import UNKNOWN, Letter
from briefing.sources import Corpus

DEFAULT_ADDRESSEE = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
DEFAULT_SALUTATION = "Geachte voorzitter,"
#: The longest subject the model holds.
SUBJECT_MAX = next(
    m.max_length
    for m in Letter.model_fields["subject"].metadata
    if isinstance(m, annotated_types.MaxLen)
)


def complete(text: LetterText, corpus: Corpus) -> None:
    """Fill the head of ``text`` from its signature and with proposals for what is missing."""
    head, notes = text.head, text.notes
    assert head.date is not None and text.closing is not None
    closing = text.closing
    if closing.missing:
        head.review["signatory.title"] = (
            "the text has no signature: fill in the title of who signed the letter"
            if closing.title == UNKNOWN
            else "the text has no signature; this title is proposed from the paper's heading"
        )
    if closing.title == UNKNOWN:
        _signatory_of_nearest(head, closing, corpus)
    head.signatory_title = closing.title
    head.lines["signatory.title"] = closing.title_line
    if not closing.complete:
        head.review["signatory.title"] = "the title does not end with a comma: is it complete?"
    letters = [
        (s.letter.signatory.title, s.letter.signatory.name, s.letter.date) for s in corpus.letters
    ]
    name, why = signing_name(closing.title, head.date, closing.name, letters)
    if name is None:
        name, why = UNKNOWN, "the text gives no name under the title; fill it in"
        notes.append(
            f"line {closing.title_line}: the signature has no name and none is known for "
            f"'{collapse(closing.title)}' on {head.date.isoformat()}; fill in signatory.name"
        )
    elif why:
        notes.append(f"line {closing.name_line or closing.title_line}: signatory.name: {why}")
    head.signatory_name = name
    if why:
        head.review["signatory.name"] = why
    if closing.review:
        head.review["signatory.name"] = closing.review
        notes.append(f"line {closing.name_line}: signatory.name: {closing.review}")
    if closing.formula is not None:
        notes.append(
            f"line {closing.formula.number}: '{collapse(closing.formula.text)}' left out: the "
            "letter template has no closing formula"
        )
    for title, name in closing.also or []:
        if name:
            head.cosignatories.append((collapse(title), name))
            continue
        notes.append(
            f"line {closing.title_line}: the letter is also signed by "
            f"{collapse(title).rstrip(',')}, whose "
            "name the text does not give: add it to the draft's cosignatories"
        )
    _after_signature(closing, notes)
    _subject(head, notes)
    _fit_subject(head, notes)
    _sender(head, corpus, text.layout, notes)
    _unknown_ministry(head, notes)
    _fill_defaults(head, text.layout, notes)
    _without_calls(head)


def _after_signature(closing: Closing, notes: list[str]) -> None:
    """Note what follows the signature: line by line, or once as the annex the body reads."""
    after = [line for line in closing.after or [] if collapse(line.text)]
    if not closing.annex:
        for line in after:
            notes.append(
                f"line {line.number}: left out after the signature: '{collapse(line.text)}'"
            )
        return
    if closing.annexed:  # the file says where the annex starts: nothing to check there
        notes.append(
            f"line {after[0].number}: read lines {after[0].number}-{after[-1].number} after "
            "the signature as the letter's annex, which the file marks as one"
        )
        return
    first, last = collapse(after[0].text), collapse(after[-1].text)
    notes.append(
        f"line {after[0].number}: read lines {after[0].number}-{after[-1].number} after the "
        f"signature as the letter's annex (from '{shortened(first, 60)}' to "
        f"'{shortened(last, 60)}', what the letter sends in the same paper, such as a "
        "geannoteerde agenda or answers to questions): check where it starts"
    )


def _signatory_of_nearest(head: Head, closing: Closing, corpus: Corpus) -> None:
    """For a letter without a signature: the title of the nearest letter of its ministry."""
    date = head.date
    assert date is not None
    same = [s.letter for s in corpus.letters if s.letter.sender.ministry == head.ministry]
    if not same:
        return
    model = min(same, key=lambda letter: abs((letter.date - date).days))
    closing.title = model.signatory.title
    closing.complete = True
    head.review["signatory.title"] = (
        f"the text has no signature; this is the title of letter {model.id} of the same ministry"
    )


def _subject(head: Head, notes: list[str]) -> None:
    if head.subject:
        return
    line = head.lines.get("kamerstuk", 1)
    if not head.dossier_title:
        head.subject = UNKNOWN
        head.review["subject"] = "the text prints no 'Betreft' and no dossier's title: fill it in"
        notes.append(
            f"line {line}: no subject in the text, nor a dossier's title to propose; the subject "
            f"is '{UNKNOWN}': write the letter's subject"
        )
        return
    head.subject = head.dossier_title
    head.review["subject"] = (
        "the text prints no 'Betreft'; this is the dossier's title: write the letter's subject"
    )
    notes.append(
        f"line {line}: no subject in the text; the draft proposes '{head.subject}' (the "
        "dossier's title): write the letter's own subject"
    )


def _fit_subject(head: Head, notes: list[str]) -> None:
    """Cut a subject longer than the model holds (a site's title, a dossier's) at a word,
    keeping the whole of it in the review comment."""
    subject = head.subject or ""
    if len(subject) <= SUBJECT_MAX:
        return
    cut = subject[: SUBJECT_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "\u2026"
    head.subject = cut
    head.review["subject"] = (
        f"{head.review['subject']}; " if "subject" in head.review else ""
    ) + f"cut to fit; the whole title, {len(subject)} characters, reads: '{subject}'"
    notes.append(
        f"line {head.lines.get('subject', head.lines.get('kamerstuk', 1))}: the subject has "
        f"{len(subject)} characters, more than the {SUBJECT_MAX} a subject holds; the draft has "
        "it cut at a word (the whole of it is in the draft's comment): write a shorter subject"
    )


def _sender(head: Head, corpus: Corpus, layout: str, notes: list[str]) -> None:
    assert head.signatory_title is not None and head.date is not None
    if head.directorate or head.visiting_address or head.postal_address:
        if not head.ministry:
            head.ministry = ministry_of(head.signatory_title) or UNKNOWN
            head.review["sender.ministry"] = (
                "the text does not name the ministry (the letterhead prints it beside the "
                "emblem); taken from the signatory's title"
            )
        for field, label in (
            ("directorate", "directorate"),
            ("visiting_address", "visiting address"),
            ("postal_address", "postal address"),
        ):
            if not getattr(head, field):
                setattr(head, field, UNKNOWN if field == "directorate" else [UNKNOWN])
                head.review[f"sender.{field}"] = f"the letterhead gives no {label}: fill it in"
                notes.append(
                    f"line {head.lines.get('sender', 1)}: the letterhead gives no {label}; "
                    f"sender.{field} is '{UNKNOWN}': fill it in"
                )
        return
    post, date = post_of(head.signatory_title), head.date
    same_post = [s for s in corpus.letters if post_of(s.letter.signatory.title) == post]
    if same_post:
        model = min(same_post, key=lambda s: abs((s.letter.date - date).days))
        sender = model.letter.sender
        head.ministry, head.directorate = sender.ministry, sender.directorate
        head.visiting_address = list(sender.visiting_address)
        head.postal_address = list(sender.postal_address)
        head.country, head.website = sender.country, sender.website
        head.review["sender"] = (
            f"the {layout} prints no sender; copied from letter {model.letter.id} of the same "
            "minister's post"
        )
        notes.append(
            f"line {head.lines.get('date', 1)}: no sender in the text; copied from letter "
            f"{model.letter.id} (check the directorate and addresses)"
        )
        return
    head.ministry = head.ministry or ministry_of(head.signatory_title) or UNKNOWN
    head.directorate = UNKNOWN
    head.visiting_address = [UNKNOWN]
    head.postal_address = [UNKNOWN]
    head.review["sender"] = (
        f"the {layout} prints no sender and no letter in the content has the same signatory's "
        "post: fill in the directorate and addresses"
    )
    notes.append(
        f"line {head.lines.get('date', 1)}: no sender in the text and none to copy; fill in "
        "sender.directorate and the addresses"
    )


def _unknown_ministry(head: Head, notes: list[str]) -> None:
    """Say what to fill in when nothing names the sender's ministry: a letter signed by
    someone outside a ministry (an informateur, a committee) or a title naming none."""
    if head.ministry != UNKNOWN:
        return
    title = collapse(head.signatory_title or UNKNOWN)
    named = "a signature" if title == UNKNOWN else f"the signatory's title ('{title}')"
    why = f"neither the letterhead nor {named} names a ministry"
    head.review["sender.ministry"] = f"{why}: fill in who sent the letter"
    notes.append(
        f"line {head.lines.get('sender', head.lines.get('date', 1))}: sender.ministry is "
        f"'{UNKNOWN}': {why}; fill in who sent the letter (its ministry, or, for a sender "
        "outside the ministries such as an informateur, who that is)"
    )


def _fill_defaults(head: Head, layout: str, notes: list[str]) -> None:
    if not head.ours:
        head.ours = [UNKNOWN]
        head.review["references.ours"] = (
            f"the {layout} prints no 'Onze referentie': fill in the letter's reference"
        )
        notes.append(
            f"line {head.lines.get('date', 1)}: no 'Onze referentie' in the text; "
            f"references.ours is '{UNKNOWN}': fill it in"
        )
    if not head.addressee:
        head.addressee = [DEFAULT_ADDRESSEE]
        head.review["addressee"] = "not in the text; the usual addressee"
    if not head.salutation:
        head.salutation = DEFAULT_SALUTATION
        head.review["salutation"] = "not in the text; the usual salutation"


def _without_calls(head: Head) -> None:
    """Remove footnote calls from the metadata: only a section's text can call a footnote."""
    for name, value in vars(head).items():
        if isinstance(value, str):
            setattr(head, name, without_calls(value) or UNKNOWN)
        elif isinstance(value, list):
            setattr(head, name, [_without_calls_in(v) for v in value])


def _without_calls_in(value: str | tuple[str, ...]) -> str | tuple[str, ...]:
    """A line, or each of a (title, name) pair, without footnote calls."""
    if isinstance(value, tuple):
        return tuple(without_calls(v) or UNKNOWN for v in value)
    return without_calls(value) or UNKNOWN
