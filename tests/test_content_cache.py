"""The content cache: a news file is read again only when it, a file it looked at, the settings or the code changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from campaign.build.config import load_settings
from campaign.content import cache as content_cache
from campaign.content.walk import content_files
from campaign.news.catalogue import read_news
from conftest import news_file
from factories import BUILD_DATE, CATEGORIES

pytestmark = pytest.mark.quick


def settings_for(project: Path, **campaign):
    return load_settings({"campaign": {"categories": CATEGORIES, **campaign}}, project, environ={"CAMPAIGN_BUILD_DATE": BUILD_DATE})


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setattr(content_cache, "_MEMORY", {})  # each test starts from the files, as a new process would
    (tmp_path / "news" / "2024").mkdir(parents=True)
    for n in range(3):
        (tmp_path / "news" / "2024" / f"tin-{n}.md").write_text(news_file(f"Tin số {n}", f"2024-03-0{n + 1} 09:00"), encoding="utf-8")
    return tmp_path


def read(project: Path, **campaign):
    """The catalogue, and how many files were read (not taken from the cache)."""
    reads = []
    original = content_cache.ReadCache.reader

    def counting(self, reader):
        return original(self, lambda file: reads.append(file.shown) or reader(file))

    content_cache.ReadCache.reader = counting
    try:
        catalogue = read_news(settings_for(project, **campaign), project, project / ".cache" / "content")
    finally:
        content_cache.ReadCache.reader = original
    return catalogue, sorted(reads)


def titles(catalogue) -> list[str]:
    return [item.title for item in catalogue.items("vi")]


def test_a_second_read_opens_no_file_and_gives_the_same_items(project):
    first, reads = read(project)
    assert len(reads) == 3
    second, reads = read(project)
    assert reads == [] and titles(second) == titles(first)
    content_cache._MEMORY.clear()  # a new process: from the files in .cache
    third, reads = read(project)
    assert reads == [] and titles(third) == titles(first)


def test_an_edited_file_is_read_again_and_a_touched_one_is_not(project):
    read(project)
    path = project / "news" / "2024" / "tin-1.md"
    path.write_text(news_file("Tin đã sửa", "2024-03-02 09:00"), encoding="utf-8")
    os.utime(project / "news" / "2024" / "tin-2.md")
    catalogue, reads = read(project)
    assert reads == ["news/2024/tin-1.md"]
    assert "Tin đã sửa" in titles(catalogue)


def test_added_and_deleted_files_are_seen(project):
    read(project)
    (project / "news" / "2024" / "tin-0.md").unlink()
    (project / "news" / "2023").mkdir()
    (project / "news" / "2023" / "cu.md").write_text(news_file("Tin cũ", "2023-05-01 09:00"), encoding="utf-8")
    catalogue, reads = read(project)
    assert reads == ["news/2023/cu.md"]
    assert sorted(titles(catalogue)) == ["Tin cũ", "Tin số 1", "Tin số 2"]


def test_an_image_that_appears_later_is_found(project):
    path = project / "news" / "2024" / "tin-0.md"
    path.write_text(news_file("Tin có ảnh", "2024-03-01 09:00", image="images/anh.png", image_alt="Ảnh"), encoding="utf-8")
    catalogue, _ = read(project)
    assert "Tin có ảnh" not in titles(catalogue)  # the image is missing: left out, with a problem
    (project / "news" / "2024" / "images").mkdir()
    (project / "news" / "2024" / "images" / "anh.png").write_bytes(
        bytes.fromhex("89504e470d0a1a0a0000000d4948445200000002000000030806000000"))
    catalogue, reads = read(project)
    assert reads == ["news/2024/tin-0.md"]
    item = next(item for item in catalogue.items("vi") if item.title == "Tin có ảnh")
    assert item.image is not None and item.image.local is not None and item.image.local.size == (2, 3)


def test_new_settings_read_everything_again(project):
    read(project)
    _, reads = read(project, timezone="Asia/Bangkok")
    assert len(reads) == 3


def test_a_folder_listing_is_kept_until_one_of_its_folders_changes(tmp_path):
    news = tmp_path / "news"
    (news / "2024").mkdir(parents=True)
    (news / "2024" / "a.md").write_text("x", encoding="utf-8")

    def names() -> list[str]:
        return [file.source.as_posix() for file in content_files(news, tmp_path)[0]]

    first = content_files(news, tmp_path)
    assert content_files(news, tmp_path) is first  # nothing changed: the same listing
    (news / "2024" / "b.md").write_text("x", encoding="utf-8")
    assert names() == ["2024/a.md", "2024/b.md"]
    (news / "2025").mkdir()
    assert names() == ["2024/a.md", "2024/b.md"]
    (news / "2025" / "c.md").write_text("x", encoding="utf-8")  # in a folder the last listing saw empty
    assert names() == ["2024/a.md", "2024/b.md", "2025/c.md"]
    (news / "2024" / "a.md").unlink()
    assert names() == ["2024/b.md", "2025/c.md"]
