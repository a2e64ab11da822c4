"""The site plan of one language: a type per generated page, and the feeds."""
