"""A page's bytes to an article, without a server: charsets, and what is no article."""
import codecs

import pytest

from test_web import CAFE, STRIKE
from tracker.pages import NotAnArticle, page_article
from webpages import news_page


def test_a_byte_order_mark_wins_over_a_wrong_declaration():
    html = news_page("Le café ferme", CAFE, charset="iso-8859-1")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        assert page_article(bom + html.encode(codec))["text"].split("\n")[:-1] == CAFE


def test_a_wrong_declaration_falls_back_to_detection():
    html = news_page("Le café ferme", CAFE, charset="utf-8")
    article = page_article(html.encode("cp1252"), content_type="text/html; charset=utf-8")
    assert article["text"].split("\n")[:-1] == CAFE


def test_an_unknown_charset_name_falls_back_to_detection():
    html = news_page("Le café ferme", CAFE, charset="x-no-such-charset")
    assert page_article(html.encode("latin-1"))["title"] == "Le café ferme"


@pytest.mark.parametrize("page, error", [
    (b"", "empty page"),
    (b"   \n", "empty page"),
    (b"just words, no markup", "not HTML"),
    (news_page("Brief", ["Too short to be an article."]).encode(), "not a news page"),
    (bytes(range(256)) * 8, "undecodable"),
])
def test_what_gives_no_article_says_why(page, error):
    with pytest.raises(NotAnArticle, match=f"^{error}"):
        page_article(page)


def test_the_url_given_stays_when_the_page_has_no_canonical_link():
    article = page_article(news_page("Port strike ends", STRIKE).encode(), "https://harbour.example/a")
    assert article["canonical_url"] == "https://harbour.example/a"
