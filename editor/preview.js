// The editor's preview, made to look like the site: the site's stylesheets (named in the page's
// <meta name="campaign-preview-styles">, written by the build), a news item laid out as its article page and
// a plan as its plan page.
/* global CMS, h, createClass */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="campaign-preview-styles"]');
  (meta ? meta.content.split(" ") : []).forEach(function (href) {
    if (href) CMS.registerPreviewStyle(new URL(href, document.baseURI).href);
  });

  var WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // "2024-03-01 16:30" (as the editor writes it) → "Thứ Sáu, 01/03/2024, 16:30", the site's Vietnamese form.
  // The date is read as written: it is already in the site's time zone.
  function shownDate(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(String(value || ""));
    if (!m) return String(value || "");
    var day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    var text = WEEKDAYS[day.getUTCDay()] + ", " + m[3] + "/" + m[2] + "/" + m[1];
    return m[4] ? text + ", " + m[4] + ":" + m[5] : text;
  }

  // The category's name, from the form's own list (made from mkdocs.yml): "Tháng hành động / Action Month".
  function categoryName(fields, key) {
    var field = fields.find(function (f) { return f.get("name") === "category"; });
    var option = field && field.get("options").find(function (o) { return o.get("value") === key; });
    return option ? option.get("label").split(" / ")[0] : key;
  }

  var NewsPreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var data = function (name) { return entry.getIn(["data", name]); };
      var image = data("image");
      var asset = image ? this.props.getAsset(image) : null;
      var tags = data("tags");
      return h("article", { className: "md-typeset campaign-preview" },
        h("p", { className: "campaign-breadcrumbs" }, categoryName(this.props.fields, data("category"))),
        h("h1", { className: "campaign-article__title" }, data("title") || ""),
        h("p", { className: "campaign-article__meta" },
          h("time", null, shownDate(data("date"))),
          data("author") ? " · " + data("author") : "",
          data("draft") ? h("span", { className: "campaign-badge" }, " Bản nháp") : null),
        asset ? h("figure", { className: "campaign-figure" },
          h("img", { src: asset.toString(), alt: data("image_alt") || "" }),
          data("image_caption") ? h("figcaption", null, data("image_caption")) : null) : null,
        h("div", { className: "campaign-article__body" }, this.props.widgetFor("body")),
        tags && tags.size ? h("p", { className: "campaign-tags" }, "Thẻ: " + tags.join(", ")) : null);
    }
  });
  CMS.registerPreviewTemplate("news", NewsPreview);

  // "2024-04-20" → "20/04/2024"; "2024-04-25 08:00" → "25/04/2024, 08:00".
  function shortDate(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(String(value || ""));
    if (!m) return String(value || "");
    return m[3] + "/" + m[2] + "/" + m[1] + (m[4] ? ", " + m[4] + ":" + m[5] : "");
  }

  function range(value) {
    return value ? shortDate(value.get("start")) + " – " + shortDate(value.get("end")) : "";
  }

  function fact(term, value) {
    return value ? [h("dt", { key: term + "t" }, term), h("dd", { key: term + "d" }, value)] : null;
  }

  var PlanPreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var data = function (name) { return entry.getIn(["data", name]); };
      var messages = data("messages");
      var activities = data("activities");
      return h("article", { className: "md-typeset campaign-preview" },
        h("h1", null, data("title") || ""),
        h("dl", { className: "campaign-plan__facts" },
          fact("Số", data("number")), fact("Cơ quan ban hành", data("issuer")), fact("Ngày ban hành", shortDate(data("issued"))),
          fact("Người ký", data("signed_by")), fact("Chủ đề", data("theme")), fact("Thời gian", range(data("period"))),
          fact("Cao điểm", range(data("peak")))),
        messages && messages.size ? h("ul", { className: "campaign-plan__messages" },
          messages.map(function (text, i) { return h("li", { key: i }, text); }).toArray()) : null,
        activities && activities.size ? h("ol", { className: "campaign-activity-cards" },
          activities.map(function (a, i) {
            var when = shortDate(a.get("start")) + (a.get("end") ? " – " + shortDate(a.get("end")) : "");
            return h("li", { key: i, className: "campaign-activity-card" + (a.get("tentative") ? " campaign-activity--tentative" : "") },
              h("p", { className: "campaign-activity-card__when" }, when + (a.get("tentative") ? " (dự kiến)" : "")),
              h("h3", { className: "campaign-activity-card__title" + (a.get("key") ? " campaign-key" : "") }, a.get("title") || ""),
              h("dl", { className: "campaign-activity-card__facts" }, fact("Địa điểm", a.get("location")), fact("Chủ trì", a.get("lead"))));
          }).toArray()) : null,
        h("div", null, this.props.widgetFor("body")));
    }
  });
  CMS.registerPreviewTemplate("plans", PlanPreview);
})();
