"""The campaign site engine: news, plans and their calendar for a bilingual MkDocs site.

Pipeline, one sub-package per stage, each importing only those before it:
core (settings, dates, URLs) -> content (files, fields, the walk) -> news,
plans (models, readers, catalogues, collections, calendar) -> pages (the
typed pages and feeds of one language) -> views, output (template data;
feeds, .ics, sitemaps, search) -> build (the only package that knows MkDocs).
`campaign_hooks.py` wires MkDocs' events to `build.engine`; `cli` runs the
readers alone for `./dev new` and `./dev check`.
"""
