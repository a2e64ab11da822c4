"""A deterministic synthetic corpus for the build benchmark.

N Vietnamese news items (300–800 words, diacritics everywhere, dates spread
over six years, 6 categories, tags, a featured image on every 25th), 30% of
them with an English translation, and one plan with 50 activities. The same
corpus can be written as this project's content or as posts of Material's
blog plugin, so both are measured on identical text.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

VI_WORDS = (
    "hợp tác xã liên minh kinh tế tập thể thành viên nông nghiệp sản xuất tiêu thụ sản phẩm chuỗi giá trị "
    "đổi mới sáng tạo phát triển bền vững tỉnh thành phố huyện xã phường hội nghị hội thảo tập huấn lớp học "
    "cán bộ người lao động chính sách pháp luật nghị quyết kế hoạch chương trình hoạt động tuyên truyền báo đài "
    "nguồn vốn quỹ hỗ trợ ngân hàng tín dụng thương mại điện tử hội chợ xúc tiến xuất khẩu chất lượng nhãn hiệu "
    "truy xuất nguồn gốc chứng nhận công nghệ cao chuyển đổi số khởi nghiệp thanh niên phụ nữ nông dân ngư dân "
    "lúa gạo cà phê hồ tiêu thủy sản muối rau quả chè điều đồng bằng miền núi ven biển khí hậu thiên tai "
    "năm tháng ngày tuần đầu tiên cuối cùng quan trọng hiệu quả tích cực chủ động thiết thực trang trọng "
    "đồng chí chủ tịch phó giám đốc trưởng ban văn phòng trung tâm dịch vụ tư vấn đánh giá báo cáo tổng kết"
).split()
EN_WORDS = (
    "cooperative alliance collective economy member farming production market product value chain innovation "
    "sustainable development province city district commune conference workshop training course staff worker "
    "policy law resolution plan programme activity communication press radio finance fund support bank credit "
    "e-commerce fair promotion export quality brand traceability certificate technology digital transformation "
    "start-up youth women farmers fishermen rice coffee pepper seafood salt vegetables tea cashew delta mountain "
    "coast climate disaster year month day week first last important effective active practical chairman director "
    "board office centre service advice review report summary"
).split()
CATEGORIES = [
    ("kinh-te-tap-the", "Kinh tế tập thể", "Collective economy"),
    ("thang-hanh-dong", "Tháng hành động", "Action Month"),
    ("hoat-dong-lien-minh", "Hoạt động Liên minh", "Alliance activities"),
    ("nong-nghiep", "Nông nghiệp", "Agriculture"),
    ("xuc-tien-thuong-mai", "Xúc tiến thương mại", "Trade promotion"),
    ("chinh-sach", "Chính sách", "Policy"),
]
TAGS_VI = [
    f"{a} {b}" for a in ("Hợp tác xã", "Nông sản", "Đổi mới", "Chuyển đổi số", "Thanh niên")
    for b in ("miền Bắc", "miền Trung", "miền Nam", "Tây Nguyên", "đồng bằng", "ven biển", "2023", "2024")
]
TAGS_EN = [
    f"{a} {b}" for a in ("Cooperatives", "Farm produce", "Innovation", "Digital", "Youth")
    for b in ("north", "centre", "south", "highlands", "delta", "coast", "2023", "2024")
]
# Where each item happened: one province per item, from a generator of its own so the rest of the
# text stays as it was. Names with "đ" ("Đà Nẵng") and a rare phrase give search its harder queries.
PLACES = (
    "Hà Nội", "Hải Phòng", "Quảng Ninh", "Lào Cai", "Điện Biên", "Sơn La", "Thái Bình", "Nghệ An", "Huế", "Đà Nẵng",
    "Bình Định", "Gia Lai", "Đắk Lắk", "Lâm Đồng", "Đồng Nai", "Bến Tre", "Đồng Tháp", "An Giang", "Cần Thơ", "Cà Mau",
)
RARE = "sâm Ngọc Linh"  # in one item of 500
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">'
    '<rect width="800" height="450" fill="#c8e6c9"/><circle cx="400" cy="225" r="120" fill="#43a047"/></svg>\n'
)


@dataclass
class Item:
    n: int
    date: datetime
    category: int
    vi_title: str
    vi_body: str
    tags: list[int]
    en_title: str | None
    en_body: str | None
    image: bool


def _sentence(rng: random.Random, words: list[str], low: int, high: int) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(low, high))]
    return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + rng.choice([".", ".", ".", ";", ","]).replace(";", ".").replace(",", ".")


def _body(rng: random.Random, words: list[str]) -> str:
    target, paragraphs, count = rng.randint(300, 800), [], 0
    while count < target:
        sentences = [_sentence(rng, words, 8, 20) for _ in range(rng.randint(2, 5))]
        count += sum(len(s.split()) for s in sentences)
        paragraphs.append(" ".join(sentences))
    if rng.random() < 0.3:
        paragraphs.insert(2, "## " + _sentence(rng, words, 3, 6).rstrip("."))
    return "\n\n".join(paragraphs) + "\n"


def _place_sentence(i: int) -> str:
    place = random.Random(f"place-{i}").choice(PLACES)
    rare = f" Sản phẩm {RARE} được giới thiệu." if i % 500 == 7 else ""
    return f"Hoạt động diễn ra tại {place}.{rare}\n"


def make_items(n: int, seed: int = 2024) -> list[Item]:
    rng = random.Random(seed)
    start, span = datetime(2019, 1, 1, 7, 0), 6 * 365 * 24 * 60
    items = []
    for i in range(n):
        date = start + timedelta(minutes=rng.randrange(span))
        translated = rng.random() < 0.3
        items.append(Item(
            n=i, date=date, category=rng.randrange(len(CATEGORIES)),
            vi_title=_sentence(rng, VI_WORDS, 6, 12).rstrip(".") + f" (số {i})",
            vi_body=_body(rng, VI_WORDS) + "\n" + _place_sentence(i), tags=rng.sample(range(len(TAGS_VI)), rng.randint(0, 3)),
            en_title=(_sentence(rng, EN_WORDS, 6, 12).rstrip(".") + f" (no. {i})") if translated else None,
            en_body=_body(rng, EN_WORDS) if translated else None, image=i % 25 == 0,
        ))
    return items


def _front(fields: dict) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _plan(rng: random.Random) -> str:
    activities = []
    for i in range(50):
        day = datetime(2024, 3, 1) + timedelta(days=rng.randrange(75))
        activity = {"title": _sentence(rng, VI_WORDS, 4, 9).rstrip("."), "start": day.strftime("%Y-%m-%d")}
        if i % 3 == 0:
            activity["end"] = (day + timedelta(days=rng.randint(1, 10))).strftime("%Y-%m-%d")
        if i % 4 == 0:
            activity["start"] = day.strftime("%Y-%m-%d") + " 08:00"
            activity["end"] = day.strftime("%Y-%m-%d") + " 11:30"
        activity |= {
            "location": rng.choice(["Hà Nội", "Huế", "Cần Thơ", "Đà Lạt"]), "lead": rng.choice(["Ban Tuyên truyền", "Trung tâm Dịch vụ"]),
            "tentative": i % 5 == 0,
        }
        activities.append(activity)
    fields = {
        "type": "plan", "title": "Kế hoạch thử nghiệm năm 2024", "number": "1/KH-TEST", "issued": "2024-02-07",
        "issuer": "Liên minh Hợp tác xã", "period": {"start": "2024-01-01", "end": "2024-12-31"},
        "peak": {"start": "2024-03-29", "end": "2024-04-29"}, "activities": activities,
    }
    return _front(fields) + "Nội dung kế hoạch.\n"


def write_project(target: Path, n: int) -> Path:
    """This project's configuration and engine with the synthetic news and plan."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("hooks", "overrides", "i18n", "docs", "editor"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.en.yml", target)
    if (ROOT / "node_modules").is_dir():  # the web editor's bundle, copied to /admin/ as on a real site
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["campaign"]["categories"] = [{"key": k, "vi": vi, "en": en} for k, vi, en in CATEGORIES]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for item in make_items(n):
        folder = target / "news" / f"{item.date:%Y}"
        folder.mkdir(parents=True, exist_ok=True)
        fields = {"title": item.vi_title, "date": item.date.strftime("%Y-%m-%d %H:%M"), "category": CATEGORIES[item.category][0]}
        if item.tags:
            fields["tags"] = [TAGS_VI[t] for t in item.tags]
        if item.image:
            (folder / "images").mkdir(exist_ok=True)
            (folder / "images" / f"anh-{item.n}.svg").write_text(SVG, encoding="utf-8")
            fields |= {"image": f"images/anh-{item.n}.svg", "image_alt": "Ảnh minh hoạ"}
        (folder / f"tin-{item.n}.md").write_text(_front(fields) + item.vi_body, encoding="utf-8")
        if item.en_title:
            en = {"title": item.en_title, "date": fields["date"], "category": CATEGORIES[item.category][0]}
            if item.tags:
                en["tags"] = [TAGS_EN[t] for t in item.tags]
            (folder / f"tin-{item.n}.en.md").write_text(_front(en) + item.en_body, encoding="utf-8")
    (target / "plans" / "2024").mkdir(parents=True)
    (target / "plans" / "2024" / "ke-hoach.md").write_text(_plan(random.Random(n)), encoding="utf-8")
    return target


def write_material_blog(target: Path, n: int) -> Path:
    """The same items as posts of Material's blog plugin, with mkdocs-rss-plugin, 10 posts per page."""
    if target.exists():
        shutil.rmtree(target)
    posts = target / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (target / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (target / "docs" / "blog" / "index.md").write_text("# Tin tức\n", encoding="utf-8")
    config = {
        "site_name": "Benchmark", "site_url": "https://example.org/",
        "theme": {"name": "material", "language": "vi", "font": False},
        "plugins": [
            "search",
            {"blog": {"post_url_format": "{date}/{slug}", "pagination_per_page": 10, "archive": True, "categories": True}},
            {"rss": {"match_path": "blog/posts/.*", "date_from_meta": {"as_creation": "date"}, "categories": ["categories", "tags"]}},
        ],
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for item in make_items(n):
        versions = [("vi", item.vi_title, item.vi_body, [TAGS_VI[t] for t in item.tags])]
        if item.en_title:
            versions.append(("en", item.en_title, item.en_body, [TAGS_EN[t] for t in item.tags]))
        for lang, title, body, tags in versions:
            fields = {"date": item.date.date(), "categories": [CATEGORIES[item.category][1 if lang == "vi" else 2]], "tags": tags}
            (posts / f"tin-{item.n}-{lang}.md").write_text(_front(fields) + f"# {title}\n\n" + body, encoding="utf-8")
    return target
