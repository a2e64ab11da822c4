"""News: the item model, its reader, the catalogue of statuses, listings and neighbours, summaries."""
