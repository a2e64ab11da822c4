"""MkDocs: one build of one language, its files, the checked `extra.campaign`, the other languages' builds, the
search records, what a build writes, and what a dirty build may skip. The only package that imports MkDocs."""
