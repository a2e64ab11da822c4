"""The kernel: settings, problems, dates, slugs, UI strings and URL rules. Imports no other package."""
