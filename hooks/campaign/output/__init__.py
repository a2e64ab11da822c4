"""Files written besides pages: feeds, iCalendar, sitemaps, folded search text; rendered HTML touched up."""
