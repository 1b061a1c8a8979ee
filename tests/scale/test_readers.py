"""The scale readers: .jsonl.gz, CSV, RSS/Atom feeds, WARC, directories, --reader; bad records as problems."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from hadath.errors import InputError
from hadath.io.readers import (
    Problem,
    html_fragment_text,
    normalise_date,
    read_csv_file,
    read_feed_file,
    read_inputs,
    read_jsonl_gz_file,
    reader_for,
)
from hadath.model import Article
from tests.scale.corpus import variant

PAGES = Path(__file__).parent / "data" / "pages"
GOOD = "التقى وزير الخارجية الروسي سيرغي لافروف اليوم الاثنين في موسكو نظيره التركي مولود جاويش أوغلو."


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def test_reader_by_extension():
    assert reader_for(Path("a.jsonl.gz")) == "jsonl"
    assert reader_for(Path("a.JSONL")) == "jsonl"
    assert reader_for(Path("a.csv")) == "csv"
    assert reader_for(Path("feed.xml")) == "feed" and reader_for(Path("f.atom")) == "feed"
    assert reader_for(Path("crawl.warc.gz")) == "warc"
    assert reader_for(Path("a.txt")) == "txt"
    assert reader_for(Path("a.pdf")) is None


def test_jsonl_gz_streams_and_reports_bad_lines(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write(json.dumps(variant(0), ensure_ascii=False) + "\n")
        f.write("{not json\n")
        f.write(json.dumps({"id": "x"}) + "\n")
        f.write(json.dumps(variant(1), ensure_ascii=False) + "\n")
    arts, probs = split(read_inputs([str(p)]))
    assert [a.id for a in arts] == ["v0000", "v0001"]
    assert arts[0].date == "2021-05-03"
    assert [pr.where for pr in probs] == [f"{p}:2", f"{p}:3"]
    assert "not JSON" in probs[0].message and "no \"text\"" in probs[1].message


def test_truncated_gzip_keeps_the_records_before(tmp_path):
    p = tmp_path / "t.jsonl.gz"
    data = gzip.compress("".join(json.dumps(variant(i), ensure_ascii=False) + "\n" for i in range(30)).encode())
    p.write_bytes(data[: len(data) * 2 // 3])
    arts, probs = split(read_jsonl_gz_file(p))
    assert 0 < len(arts) < 30
    assert len(probs) == 1 and "truncated or corrupt" in probs[0].message
    q = tmp_path / "bad.jsonl.gz"
    q.write_bytes(b"this is not gzip")
    arts, probs = split(read_jsonl_gz_file(q))
    assert not arts and len(probs) == 1


def test_csv_text_column_and_metadata(tmp_path):
    p = tmp_path / "news.csv"
    p.write_text(
        "id,date,title,outlet,body\n"
        f'a1,2017-01-11T09:30:00Z,عنوان,وكالة,"{GOOD}"\n'
        f'a2,,,,"{GOOD}\n{GOOD}"\n'
        "a3,2017-01-12,,,\n"
        f"a4,11/01/2017,,,{GOOD}\n",
        encoding="utf-8",
    )
    arts, probs = split(read_csv_file(p, text_column="body"))
    assert [a.id for a in arts] == ["a1", "a2"]
    assert arts[0].date == "2017-01-11" and arts[0].title == "عنوان" and arts[0].outlet == "وكالة"
    assert arts[1].text.count("\n") == 1 and arts[1].date is None
    assert [pr.where for pr in probs] == [f"{p}:5", f"{p}:6"]  # a multi-line record counts its lines
    assert "empty text" in probs[0].message and "not YYYY-MM-DD" in probs[1].message
    _, probs = split(read_csv_file(p))  # the default column "text" is not there
    assert len(probs) == 1 and "no column 'text'" in probs[0].message and "--text-column" in probs[0].message


def test_csv_without_id_column_gets_row_ids(tmp_path):
    p = tmp_path / "n.csv"
    p.write_text(f'text\n"{GOOD}"\n"{GOOD}"\n', encoding="utf-8")
    arts, _ = split(read_inputs([str(p)]))
    assert [a.id for a in arts] == ["n-2", "n-3"]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>وكالة الأنباء التجريبية</title><link>https://example.org/</link>
<item><title>لافروف يلتقي جاويش أوغلو</title><link>https://example.org/1</link><guid>https://example.org/1</guid>
<pubDate>Mon, 11 Jan 2017 10:00:00 +0300</pubDate>
<description>&lt;p&gt;ملخص قصير&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>{good}</p><script>var x = 1;</script><p>وقال البيان إن الجانبين ناقشا العلاقات.</p>]]></content:encoded>
</item>
<item><title>خبر بلا نص</title><guid>g2</guid></item>
<item><title>خبر ثالث</title><guid>g3</guid><description>{good}</description></item>
</channel></rss>
""".replace("{good}", GOOD)

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع أخبار</title>
<entry><title type="html">عنوان</title><id>urn:uuid:1</id><link rel="alternate" href="https://example.net/a"/>
<published>2017-01-11T08:00:00Z</published><content type="html">&lt;div&gt;{good}&lt;/div&gt;</content></entry>
<entry><title>ثان</title><id>urn:uuid:2</id><updated>2017-01-12T08:00:00+02:00</updated><summary>{good}</summary></entry>
</feed>
""".replace("{good}", GOOD)


def test_rss_items(tmp_path):
    p = tmp_path / "feed.rss"
    p.write_text(RSS, encoding="utf-8")
    arts, probs = split(read_feed_file(p))
    assert [a.id for a in arts] == ["https://example.org/1", "g3"]
    a = arts[0]
    assert a.date == "2017-01-11" and a.outlet == "وكالة الأنباء التجريبية" and a.url == "https://example.org/1"
    assert a.title == "لافروف يلتقي جاويش أوغلو"
    assert GOOD in a.text and "var x" not in a.text and "<p>" not in a.text and "ناقشا العلاقات" in a.text
    assert len(probs) == 1 and probs[0].where.endswith(":item[2]") and "no \"text\"" in probs[0].message


def test_atom_entries_and_a_folder_of_feeds(tmp_path):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "a.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "feeds" / "b.rss").write_text(RSS, encoding="utf-8")
    arts, probs = split(read_inputs([str(tmp_path / "feeds")]))
    assert [a.id for a in arts] == ["urn:uuid:1", "urn:uuid:2", "https://example.org/1", "g3"]
    assert arts[0].url == "https://example.net/a" and arts[0].outlet == "موقع أخبار" and arts[0].date == "2017-01-11"
    assert arts[1].date == "2017-01-12" and arts[0].text == GOOD
    assert len(probs) == 1


def test_broken_and_foreign_xml(tmp_path):
    p = tmp_path / "cut.xml"
    p.write_text(RSS[: RSS.index("<item><title>خبر ثالث")] + "<item><title>", encoding="utf-8")
    arts, probs = split(read_feed_file(p))
    assert len(arts) == 1 and len(probs) == 2 and "not well-formed XML" in probs[-1].message
    q = tmp_path / "other.xml"
    q.write_text("<svg><g/></svg>", encoding="utf-8")
    arts, probs = split(read_feed_file(q))
    assert not arts and "not an RSS or Atom feed" in probs[0].message
    e = tmp_path / "empty.xml"
    e.write_bytes(b"")
    assert "empty file" in split(read_feed_file(e))[1][0].message


def test_forced_reader_and_unknown_reader(tmp_path):
    p = tmp_path / "export.dat"
    p.write_text(f'text\n"{GOOD}"\n', encoding="utf-8")
    arts, _ = split(read_inputs([str(p)], reader="csv"))
    assert len(arts) == 1 and arts[0].text == GOOD
    with pytest.raises(InputError):
        list(read_inputs([str(p)], reader="pdf"))


def test_directory_mixes_formats_in_name_order(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    with gzip.open(d / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps(variant(2), ensure_ascii=False) + "\n")
    (d / "c.csv").write_text(f'id,text\nc1,"{GOOD}"\n', encoding="utf-8")
    (d / "notes.pdf").write_bytes(b"%PDF")
    arts, probs = split(read_inputs([str(d)]))
    assert [a.id for a in arts] == ["a", "v0002", "c1"] and not probs


def test_dates_and_html_text():
    assert normalise_date("2017-01-11T09:30:00+03:00") == "2017-01-11"
    assert normalise_date("2017-01-11 09:30") == "2017-01-11"
    assert normalise_date("Wed, 11 Jan 2017 10:00:00 GMT") == "2017-01-11"
    assert normalise_date("11/01/2017") == "11/01/2017"  # left for check_article to report
    assert normalise_date("  ") is None
    assert html_fragment_text("<p>أ</p><p>ب &amp; ج</p><style>x{}</style>") == "أ\nب & ج"
    assert html_fragment_text("نص بلا وسوم") == "نص بلا وسوم"


# ---------------------------------------------------------------- WARC


def _warc(path: Path, pages: list[tuple[str, bytes, str]]) -> None:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    assert warcio
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=path.suffix == ".gz")
        for uri, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": "2024-02-08T12:00:00Z"})
            w.write_record(rec)


def test_warc_pages_become_articles(tmp_path):
    pytest.importorskip("trafilatura")
    p = tmp_path / "crawl.warc.gz"
    pages = [(f"https://example.org/{h.stem}", h.read_bytes(), "text/html; charset=utf-8")
             for h in sorted(PAGES.glob("*.html"))]
    pages.insert(1, ("https://example.org/logo.png", b"\x89PNG....", "image/png"))
    pages.append(("https://example.org/empty", b"<html><body><nav>a</nav></body></html>", "text/html"))
    _warc(p, pages)
    arts, probs = split(read_inputs([str(p)]))
    assert [a.id for a in arts] == ["https://example.org/p1", "https://example.org/p2", "https://example.org/p3"]
    assert [a.date for a in arts] == ["2023-03-14", "2023-12-16", "2024-02-07"]  # from the pages, not the crawl
    for a, h in zip(arts, sorted(PAGES.glob("*.html")), strict=True):
        gold = h.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
        assert all(line in a.text for line in gold), h.name
        assert "التعليقات" not in a.text and "جميع الحقوق محفوظة" not in a.text
    assert len(probs) == 1 and probs[0].where.endswith("https://example.org/empty")


def test_not_a_warc(tmp_path):
    pytest.importorskip("warcio")
    p = tmp_path / "x.warc"
    p.write_text("hello", encoding="utf-8")
    _, probs = split(read_inputs([str(p)]))
    assert probs and "not a WARC file" in probs[0].message
