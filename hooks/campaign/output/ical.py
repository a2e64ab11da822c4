"""iCalendar (.ics) documents of plans' activities, made with the icalendar library.

Reproducible and stable: each event's UID is made of the plan's translation
key, the activity's id and the language, never of a counter or the clock;
DTSTAMP is the plan's `updated` or `issued` date (else its period's start). Whole-day activities are
VALUE=DATE with the exclusive DTEND the standard asks for; timed ones carry
TZID and the VTIMEZONE that defines it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event
from icalendar.prop import vDuration

from ..core.i18n import Strings
from ..core.slugs import slugify
from ..core.urls import UrlScheme
from ..plans.model import Activity, Plan

# How often calendar apps should fetch the subscription again (RFC 7986 and its common predecessor).
REFRESH_INTERVAL = timedelta(days=1)


class CalendarWriter:
    def __init__(self, urls: UrlScheme, base_url: str, strings: Strings, site_name: str):
        self.urls, self.base_url, self.t, self.site_name = urls, base_url, strings, site_name
        self.host = urlsplit(base_url).hostname or "localhost"

    def render(self, plans: Sequence[Plan], name: str) -> bytes:
        cal = Calendar()
        cal.add("prodid", f"-//{self.site_name}//{self.urls.language.code.upper()}")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("name", name)
        cal.add("x-wr-calname", name)
        cal.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
        for plan in plans:
            for activity in plan.activities:
                cal.add_component(self._event(plan, activity))
        cal.add_missing_timezones()
        return cal.to_ical()

    def uid(self, plan: Plan, activity: Activity) -> str:
        return f"{slugify(plan.translation_key)}.{activity.id}.{plan.lang}@{self.host}"

    def _event(self, plan: Plan, activity: Activity) -> Event:
        event = Event()
        event.add("uid", self.uid(plan, activity))
        stamp = plan.updated or datetime.combine(plan.stamp_date, time(), tzinfo=activity.start.tzinfo)
        event.add("dtstamp", stamp)
        event.add("summary", activity.title)
        if activity.all_day:
            event.add("dtstart", activity.first_day)
            event.add("dtend", activity.last_day + timedelta(days=1))  # DTEND of a date is exclusive
        else:
            event.add("dtstart", activity.start)
            if activity.end:
                event.add("dtend", activity.end)
        if activity.location:
            event.add("location", activity.location)
        url = self.base_url + self.urls.activity(plan.slug, activity.id)
        lines = []
        if activity.lead:
            lines.append(self.t.format("lead_line", lead=activity.lead))
        lines.append(self.t.format("plan_line", title=plan.title) + (f" ({plan.number})" if plan.number else ""))
        if activity.description:
            lines.append(activity.description)
        lines.append(url)
        event.add("description", "\n".join(lines))
        event.add("url", url)
        event.add("status", "TENTATIVE" if activity.tentative else "CONFIRMED")
        return event
