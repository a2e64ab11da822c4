"""The frontmatter fields of news items, plans and activities: one definition for all uses.

The readers take each field's name and whether it is required from here; the
JSON Schemas for editors (schema.py) and the templates of `new` are made
from the same table, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a field's value is; each kind has its reader method and its JSON Schema.
KINDS = ("text", "date", "flag", "language", "category", "tags", "path_or_url", "slug", "plan_type", "text_list", "date_range", "activities")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    required: bool = False
    help: str = ""  # Vietnamese / English, shown by editors

    def __post_init__(self):
        assert self.kind in KINDS, self.kind


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


NEWS_FIELDS = FieldSet(
    Field("title", "text", True, "Tiêu đề bài viết. / The item's title."),
    Field("date", "date", True,
          "Ngày đăng, ví dụ 2024-02-07 hoặc 07/02/2024 09:30; tương lai là hẹn giờ. / Publication date; a future date schedules the item."),
    Field("lang", "language", False, "Ngôn ngữ, mặc định theo tên tệp (.en.md là tiếng Anh). / Language; by default from the file name."),
    Field("category", "category", True, "Chuyên mục (mã hoặc tên). / Category, by key or by name."),
    Field("tags", "tags", False, "Danh sách thẻ. / A list of tags."),
    Field("author", "text", False, "Tác giả. / Author."),
    Field("summary", "text", False, "Tóm tắt; mặc định là đoạn đầu. / Summary; by default the first paragraph."),
    Field("image", "path_or_url", False, "Ảnh đại diện, đường dẫn tính từ bài hoặc https://. / Featured image, relative to the item or https://."),
    Field("image_alt", "text", False, "Mô tả ảnh cho người không xem được. / Alternative text of the image."),
    Field("image_caption", "text", False, "Chú thích ảnh. / Image caption."),
    Field("slug", "slug", False, "Phần cuối địa chỉ; mặc định từ tiêu đề. / URL slug; by default from the title."),
    Field("translation_key", "text", False, "Khoá nối các bản dịch; mặc định là tên tệp. / Links translations; by default the file name."),
    Field("draft", "flag", False, "true: bản nháp, chỉ hiện khi xem trước. / true: a draft, shown only in preview."),
    Field("updated", "date", False, "Ngày cập nhật nội dung. / Date of the last real change."),
)

PLAN_FIELDS = FieldSet(
    Field("type", "plan_type", True, "Luôn là plan. / Always plan."),
    Field("title", "text", True, "Tên kế hoạch. / The plan's title."),
    Field("lang", "language", False, "Ngôn ngữ, mặc định theo tên tệp. / Language; by default from the file name."),
    Field("translation_key", "text", False, "Khoá nối các bản dịch. / Links translations."),
    Field("slug", "slug", False, "Phần cuối địa chỉ. / URL slug."),
    Field("number", "text", False, "Số văn bản, ví dụ 70/KH-BTVLMHTXVN. / Document number."),
    Field("issued", "date", False, "Ngày ban hành. / Date of issue."),
    Field("issuer", "text", True, "Cơ quan ban hành. / Issuing body."),
    Field("signed_by", "text", False, "Người ký. / Signatory."),
    Field("theme", "text", False, "Chủ đề. / Campaign theme."),
    Field("messages", "text_list", False, "Các thông điệp. / Key messages."),
    Field("period", "date_range", True, "Thời gian thực hiện {start, end}. / The whole period."),
    Field("peak", "date_range", False, "Giai đoạn cao điểm {start, end}, trong period. / Peak period, within the period."),
    Field("activities", "activities", False, "Các hoạt động. / The activities."),
    Field("updated", "date", False, "Ngày sửa kế hoạch. / Date of the last change."),
)

ACTIVITY_FIELDS = FieldSet(
    Field("id", "slug", False, "Mã cố định; mặc định từ tên. / Stable identifier; by default from the title."),
    Field("title", "text", True, "Tên hoạt động. / What happens."),
    Field("start", "date", True, "Bắt đầu: ngày, hoặc ngày và giờ. / Start: a date, or a date and time."),
    Field("end", "date", False, "Kết thúc (tính cả ngày đó). / End, included."),
    Field("all_day", "flag", False, "Cả ngày; mặc định khi không ghi giờ. / Whole days; the default without a time."),
    Field("location", "text", False, "Địa điểm. / Place."),
    Field("lead", "text", False, "Đơn vị chủ trì. / Lead unit."),
    Field("tentative", "flag", False, "true: dự kiến. / true: tentative."),
    Field("key", "flag", False, "true: ngày quan trọng, hiện ở trang chủ. / true: a key date, shown on the home page."),
    Field("description", "text", False, "Mô tả. / Description."),
)

DATE_RANGE_FIELDS = FieldSet(
    Field("start", "date", True, "Ngày đầu. / First day."),
    Field("end", "date", True, "Ngày cuối (tính cả ngày đó). / Last day, included."),
)
