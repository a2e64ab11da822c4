"""The frontmatter fields of news items, plans and activities: one definition for all uses.

The readers take each field's name and whether it is required from here; the
JSON Schemas for editors (schema.py), the web editor's forms (editor_config.py)
and the templates of `new` are made from the same table, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a field's value is; each kind has its reader method and its JSON Schema.
KINDS = ("text", "date", "flag", "language", "category", "tags", "path_or_url", "slug", "plan_type", "text_list", "date_range", "activities")


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # Vietnamese: the web editor's form label
    kind: str
    required: bool = False
    help: str = ""  # Vietnamese / English, shown by editors
    # The web editor's input, where the kind alone does not say: "text" (several lines), "datetime" (a date
    # and time picker), "day" (a date picker). A date field without one is typed, checked against the date forms.
    editor: str = ""
    # The same in every language: the web editor copies it from the default language's file into the others
    # (a date, a category), where the rest is translated. A picture is not: it may hold text in its language.
    shared: bool = False

    def __post_init__(self):
        assert self.kind in KINDS, self.kind
        assert self.editor in ("", "text", "datetime", "day"), self.editor


class FieldSet:
    def __init__(self, *fields: Field):
        self.fields = fields
        self._by_name = {f.name: f for f in fields}

    def __getitem__(self, name: str) -> Field:
        return self._by_name[name]

    def __iter__(self):
        return iter(self.fields)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._by_name)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    @property
    def shared(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.shared)


NEWS_FIELDS = FieldSet(
    Field("title", "Tiêu đề", "text", True, "Tiêu đề bài viết. / The item's title."),
    Field("date", "Ngày giờ đăng", "date", True, editor="datetime",
          help="Ngày giờ đăng, giờ Việt Nam nếu không ghi múi giờ; ngày trong tương lai là hẹn giờ. / Publication date; a future date schedules the item.",
          shared=True),
    Field("lang", "Ngôn ngữ", "language", False, "Ngôn ngữ, mặc định theo tên tệp (.en.md là tiếng Anh). / Language; by default from the file name."),
    Field("category", "Chuyên mục", "category", True, "Chuyên mục (mã hoặc tên). / Category, by key or by name.", shared=True),
    Field("tags", "Thẻ", "tags", False, "Danh sách thẻ. / A list of tags."),
    Field("author", "Tác giả", "text", False, "Tác giả. / Author."),
    Field("summary", "Tóm tắt", "text", False, "Tóm tắt; mặc định là đoạn đầu. / Summary; by default the first paragraph.", editor="text"),
    Field("image", "Ảnh đại diện", "path_or_url", False,
          "Ảnh đại diện, đường dẫn tính từ bài hoặc https://. / Featured image, relative to the item or https://."),
    Field("image_alt", "Mô tả ảnh", "text", False, "Mô tả ảnh cho người không xem được. / Alternative text of the image."),
    Field("image_caption", "Chú thích ảnh", "text", False, "Chú thích ảnh. / Image caption."),
    Field("slug", "Địa chỉ (slug)", "slug", False, "Phần cuối địa chỉ; mặc định từ tiêu đề. / URL slug; by default from the title."),
    Field("translation_key", "Khoá bản dịch", "text", False, "Khoá nối các bản dịch; mặc định là tên tệp. / Links translations; by default the file name."),
    Field("draft", "Bản nháp", "flag", False, "Bản nháp: chỉ hiện khi xem trước. / A draft, shown only in preview."),
    Field("updated", "Ngày cập nhật", "date", False, "Ngày cập nhật nội dung. / Date of the last real change.", editor="datetime"),
)

PLAN_FIELDS = FieldSet(
    Field("type", "Loại", "plan_type", True, "Luôn là plan. / Always plan.", shared=True),
    Field("title", "Tên kế hoạch", "text", True, "Tên kế hoạch. / The plan's title."),
    Field("lang", "Ngôn ngữ", "language", False, "Ngôn ngữ, mặc định theo tên tệp. / Language; by default from the file name."),
    Field("translation_key", "Khoá bản dịch", "text", False, "Khoá nối các bản dịch. / Links translations."),
    Field("slug", "Địa chỉ (slug)", "slug", False, "Phần cuối địa chỉ. / URL slug."),
    Field("number", "Số văn bản", "text", False, "Số văn bản, ví dụ 70/KH-BTVLMHTXVN. / Document number.", shared=True),
    Field("issued", "Ngày ban hành", "date", False, "Ngày ban hành. / Date of issue.", editor="day", shared=True),
    Field("issuer", "Cơ quan ban hành", "text", True, "Cơ quan ban hành. / Issuing body."),
    Field("signed_by", "Người ký", "text", False, "Người ký. / Signatory."),
    Field("theme", "Chủ đề", "text", False, "Chủ đề. / Campaign theme."),
    Field("messages", "Thông điệp", "text_list", False, "Các thông điệp. / Key messages."),
    Field("period", "Thời gian thực hiện", "date_range", True, "Thời gian thực hiện {start, end}. / The whole period.", shared=True),
    Field("peak", "Cao điểm", "date_range", False, "Giai đoạn cao điểm {start, end}, trong period. / Peak period, within the period.", shared=True),
    Field("activities", "Hoạt động", "activities", False, "Các hoạt động. / The activities."),
    Field("updated", "Ngày sửa", "date", False, "Ngày sửa kế hoạch. / Date of the last change.", editor="day"),
)

ACTIVITY_FIELDS = FieldSet(
    Field("title", "Tên hoạt động", "text", True, "Tên hoạt động. / What happens."),
    Field("start", "Bắt đầu", "date", True, "Bắt đầu: ngày, hoặc ngày và giờ. / Start: a date, or a date and time.", shared=True),
    Field("end", "Kết thúc", "date", False, "Kết thúc (tính cả ngày đó). / End, included.", shared=True),
    Field("all_day", "Cả ngày", "flag", False, "Cả ngày; mặc định khi không ghi giờ. / Whole days; the default without a time.", shared=True),
    Field("location", "Địa điểm", "text", False, "Địa điểm. / Place."),
    Field("lead", "Đơn vị chủ trì", "text", False, "Đơn vị chủ trì. / Lead unit."),
    Field("tentative", "Dự kiến", "flag", False, "Thời gian, địa điểm còn dự kiến. / Tentative.", shared=True),
    Field("key", "Mốc chính", "flag", False, "Ngày quan trọng, hiện ở dải Mốc chính trang chủ. / A key date, shown on the home page.", shared=True),
    Field("description", "Mô tả", "text", False, "Mô tả. / Description.", editor="text"),
    Field("id", "Mã", "slug", False, "Mã cố định; mặc định từ tên. / Stable identifier; by default from the title.", shared=True),
)

DATE_RANGE_FIELDS = FieldSet(
    Field("start", "Từ ngày", "date", True, "Ngày đầu. / First day.", editor="day", shared=True),
    Field("end", "Đến ngày", "date", True, "Ngày cuối (tính cả ngày đó). / Last day, included.", editor="day", shared=True),
)
