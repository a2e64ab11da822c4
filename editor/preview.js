// The editor's preview, made to look like the site: the site's stylesheets (named in the page's
// <meta name="campaign-preview-styles">, written by the build) and a news item laid out as its article page.
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
})();
