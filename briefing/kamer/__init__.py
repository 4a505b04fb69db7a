"""The Kamer's own records: the Tweede Kamer's open data, kept in a local store and linked to
the content.

A pipeline of its own, into content: fetch (:mod:`~briefing.kamer.fetch`) or load saved OData
JSON (:mod:`~briefing.kamer.load`, :mod:`~briefing.kamer.odata`) ─▶ local SQLite store
(:mod:`~briefing.kamer.store`) ─▶ link content items to records (:mod:`~briefing.kamer.match`,
:mod:`~briefing.kamer.link`) ─▶ the reviewed facts in ``content/kamer.yaml``
(:mod:`~briefing.kamer.facts`). Builds read only that file, so they stay reproducible.
Importing this package imports nothing else.
"""
