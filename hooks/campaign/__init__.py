"""The campaign site engine: news and archives for a bilingual MkDocs site.

Pipeline: settings -> reader (one file) -> catalogue (all files, statuses)
-> collections (listings) -> site (page plan) -> mkdocs_files / views
(MkDocs files, template data). `engine` runs it for one MkDocs build.
"""
