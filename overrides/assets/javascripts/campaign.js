// Small enhancements; every page is complete without them.
// - The home page's banner and key dates, written as of the build, are brought to the reader's date in the
//   site's time zone, so a page served from a cache days later still says how far the peak is.
// - The calendar marks today's date; its agenda opens at what is on now.
// - An article's share bar: the browser's own share sheet (Zalo, Messenger on phones), copying the link, printing.
(function () {
  "use strict";

  function isoDay(timeZone) {
    // en-CA formats a date as YYYY-MM-DD.
    var options = { year: "numeric", month: "2-digit", day: "2-digit" };
    if (timeZone) options.timeZone = timeZone;
    try {
      return new Intl.DateTimeFormat("en-CA", options).format(new Date());
    } catch (e) {
      return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
    }
  }

  function dayNumber(iso) {
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000;
  }

  function refreshBanner() {
    var banner = document.querySelector(".campaign-banner[data-peak-start]");
    if (!banner) return;
    var d = banner.dataset, today = isoDay(d.timezone);
    var now = dayNumber(today), start = dayNumber(d.peakStart), end = dayNumber(d.peakEnd);
    var total = end - start + 1, state = banner.querySelector("[data-campaign-state]");
    var progress = banner.querySelector(".campaign-banner__progress");
    var phase, text;
    if (now < start) {
      var days = start - now, form = new Intl.PluralRules(document.documentElement.lang).select(days);
      phase = "before";
      text = (form === "one" ? d.textBeforeOne : d.textBeforeOther).replace("{count}", days);
    } else if (now <= end) {
      phase = "during";
      text = d.textDuring.replace("{day}", now - start + 1).replace("{total}", total);
    } else {
      phase = "after";
      text = d.textAfter;
    }
    if (state) {
      state.className = "campaign-banner__state campaign-banner__state--" + phase;
      var look = document.getElementById("campaign-look-back");
      state.textContent = "";
      if (phase === "after" && look) {
        var link = document.createElement("a");
        link.href = "#campaign-look-back";
        link.textContent = text;
        state.appendChild(link);
      } else {
        state.textContent = text;
      }
    }
    if (progress) {
      progress.hidden = phase !== "during";
      progress.value = phase === "during" ? Math.round(100 * (now - start + 1) / total) : 0;
    }
    var next = null;
    document.querySelectorAll(".campaign-key-date[data-date]").forEach(function (item) {
      var when = item.dataset.date < today ? "past" : item.dataset.date === today ? "today" : "future";
      item.classList.remove("campaign-key-date--past", "campaign-key-date--today", "campaign-key-date--future", "campaign-key-date--next");
      item.classList.add("campaign-key-date--" + when);
      if (when !== "past" && !next) next = item;
    });
    if (next) next.classList.add("campaign-key-date--next");
  }

  function markToday() {
    var iso = isoDay(), months = document.querySelectorAll(".campaign-agenda__month[data-last-day]");
    document.querySelectorAll('.campaign-month td[data-date="' + iso + '"], .campaign-month td[data-day="' + iso + '"]').forEach(function (cell) {
      cell.classList.add("campaign-day--today");
      var time = cell.querySelector("time");
      if (time) time.setAttribute("aria-current", "date");
    });
    if (!months.length) return;
    // The agenda opens at what is on now: months wholly past are folded, the first activity not over is marked.
    months.forEach(function (month) { month.open = month.dataset.lastDay >= iso; });
    var next = null;
    document.querySelectorAll(".campaign-agenda__item[data-last-day]").forEach(function (item) {
      item.classList.remove("campaign-agenda__item--next");
      if (!next && item.dataset.lastDay >= iso) next = item;
    });
    var jump = document.querySelector("[data-agenda-next]");
    if (next) next.classList.add("campaign-agenda__item--next");
    if (jump) {
      jump.parentNode.hidden = !next;
      if (next) jump.setAttribute("href", "#" + next.id);
    }
  }

  function planStatuses() {
    var list = document.querySelector(".campaign-activity-cards");
    if (!list) return;
    var iso = isoDay();
    list.querySelectorAll(".campaign-activity-card").forEach(function (card) {
      var status = card.dataset.lastDay < iso ? "past" : card.dataset.firstDay > iso ? "upcoming" : "ongoing";
      card.classList.remove("campaign-activity-card--past", "campaign-activity-card--ongoing", "campaign-activity-card--upcoming");
      card.classList.add("campaign-activity-card--" + status);
      var text = card.querySelector("[data-status]");
      if (text) text.textContent = list.getAttribute("data-status-" + status);
    });
  }

  function shareBar() {
    var bar = document.querySelector(".campaign-share");
    if (!bar) return;
    var url = bar.dataset.shareUrl, title = bar.dataset.shareTitle, status = bar.querySelector(".campaign-share__status");
    var native = bar.querySelector(".campaign-share__native"), copy = bar.querySelector(".campaign-share__copy");
    var print = bar.querySelector(".campaign-share__print");
    if (navigator.share && native) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
    if (navigator.clipboard && window.isSecureContext && copy) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(function () { status.textContent = bar.dataset.copied; });
      });
    }
    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  }

  function start() {
    refreshBanner();
    markToday();
    planStatuses();
    shareBar();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
