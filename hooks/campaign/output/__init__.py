"""Files written besides pages: feeds, iCalendar, sitemaps, the search index (Pagefind); rendered HTML touched up."""
