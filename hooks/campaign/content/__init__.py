"""Content files: text and YAML frontmatter with line numbers, the table of fields, JSON Schemas, the one walk over a folder."""
