// Marks today's date in the activity calendar, as the reader's device sees it.
// An enhancement only: the calendar is complete without it.
(function () {
  function markToday() {
    var now = new Date();
    var iso = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
    document.querySelectorAll('.campaign-month td[data-date="' + iso + '"]').forEach(function (cell) {
      cell.classList.add("campaign-day--today");
      var time = cell.querySelector("time");
      if (time) time.setAttribute("aria-current", "date");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markToday);
  else markToday();
})();
