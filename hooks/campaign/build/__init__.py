"""MkDocs: one build of one language, its files, the checked `extra.campaign`, the other languages' builds. The only package that imports MkDocs."""
