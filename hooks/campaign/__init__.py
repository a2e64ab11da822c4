"""The campaign site engine: news, plans and their calendar for a bilingual MkDocs site.

Pipeline: settings -> readers (one news or plan file) -> catalogues (all files,
statuses) -> collections and calendar (listings, month grids) -> site (page and
feed plan) -> views, feeds, ical (template data, RSS/Atom, .ics) ->
mkdocs_files (MkDocs files). `engine` runs it for one MkDocs build; `cli` runs
the readers alone for `./dev new` and `./dev check`.
"""
