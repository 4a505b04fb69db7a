"""The official XML of a Kamerstuk of 1995 to 2009 (root ``kamerwrk``), as the later XML.

officielebekendmakingen.nl publishes the papers before 2010 in an older schema: under the root
``kamerwrk``, the ``kop`` holds the chamber and the session, the ``frontm`` the dossier
(``onderw``: its ``nummer`` "24 447" and its title, ``naam``), and the ``body``'s ``stuk`` the
paper: ``ltrlabel`` ("Nr. "), ``nummer`` and ``titel`` ("BRIEF VAN DE MINISTER ..."), then its
text: paragraphs ``al``, blank lines ``witreg`` between them, headings ``tuskop`` in bold or
italics (``letat``: "vet" or "cur"), the signature ``ondtek``, and footnotes ``voetnoot`` (its
number ``nr``, its paragraphs ``al``) apart from the text, called by a ``voetref`` (naming it
by ``refid``, else by ``nr``). :func:`as_publication` puts those elements in the places and
under the names the later schema gives them, in the same tree, so that each keeps the line of
the XML it comes from and one reader (:mod:`.official_xml`) prints the papers of both.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement

#: The root of the older schema.
LEGACY_ROOT = "kamerwrk"


def as_publication(root: Element, lines: dict[int, int], publication: str) -> list[str]:
    """Turn the ``kamerwrk`` tree under ``root`` into the later schema's, its root renamed
    ``publication``; ``lines`` (the line of each element, by ``id``) is given the lines of the
    elements made. Returns notes on what has no place in it: a footnote not called."""
    frontm, body = root.find("frontm"), root.find("body")
    stuk = body.find("stuk") if body is not None else None
    footnotes = [
        (parent, note) for parent in root.iter() for note in parent if note.tag == "voetnoot"
    ]
    kept = [child for child in root if child.tag == "metadata"]
    for child in list(root):
        root.remove(child)
    root.tag = publication
    root.extend(kept)
    if stuk is None:
        return []
    kamerstuk = _made(root, "kamerstuk", stuk, lines)
    onderw = frontm.find("onderw") if frontm is not None else None
    if onderw is not None:
        dossier = _made(kamerstuk, "dossier", onderw, lines)
        _made(
            _made(dossier, "dossiernummer", onderw, lines), "dossiernr", onderw, lines
        ).text = onderw.findtext("nummer", "")
        _made(dossier, "titel", onderw, lines).text = onderw.findtext("naam", "")
    kamerstuk.append(stuk)
    notes = _footnotes(footnotes, stuk, lines)
    for element in list(stuk):
        _renamed(stuk, element, lines)
    return notes


def _made(parent: Element, tag: str, like: Element, lines: dict[int, int]) -> Element:
    """A new element ``tag`` under ``parent``, on the line of ``like``."""
    element = SubElement(parent, tag)
    lines[id(element)] = lines.get(id(like), 1)
    return element


def _renamed(stuk: Element, element: Element, lines: dict[int, int]) -> None:
    """Give a child of the ``stuk`` the later schema's name and place."""
    if element.tag == "nummer":  # the paper's number: "Nr. " is the ltrlabel's
        element.tag = "stuknr"
        _made(element, "ondernummer", element, lines).text = element.text
        element.text = ""
    elif element.tag in ("ltrlabel", "witreg"):
        stuk.remove(element)
    elif element.tag == "tuskop":
        element.tag = "tussenkop"
        element.set("kopopmaak", element.get("letat", ""))
    elif element.tag == "ondtek":
        element.tag = "ondertekening"


def _footnotes(
    footnotes: list[tuple[Element, Element]], stuk: Element, lines: dict[int, int]
) -> list[str]:
    """Put each footnote (``voetnoot``, with the element it stands in) where a ``voetref`` in
    the ``stuk`` calls it, as the later schema's ``noot``; a note for each footnote that no
    ``voetref`` calls, which is left out."""
    by_key: dict[str, Element] = {}
    for _, note in footnotes:
        for key in (note.get("id"), note.get("nr")):
            if key:
                by_key.setdefault(key, note)
    called: set[int] = set()
    for parent in stuk.iter():
        for index, ref in enumerate(list(parent)):
            if ref.tag != "voetref":
                continue
            named = next(
                (by_key[k] for k in (ref.get("refid"), ref.get("nr")) if k in by_key), None
            )
            if named is None or id(named) in called:
                continue
            called.add(id(named))
            noot = Element("noot")
            lines[id(noot)] = lines.get(id(ref), 1)
            _made(noot, "noot.nr", named, lines).text = named.get("nr") or ""
            for paragraph in named.findall("al"):
                paragraph.tag = "noot.al"
                noot.append(paragraph)
            noot.tail = ref.tail
            parent[index] = noot
    notes = []
    for parent, note in footnotes:
        if note in parent:
            parent.remove(note)
        if id(note) not in called:
            text = " ".join("".join(note.itertext()).split())
            notes.append(
                f"line {lines.get(id(note), 1)}: footnote {note.get('nr') or ''} is not called "
                f"in the text; it is left out: '{text}'"
            )
    return notes
