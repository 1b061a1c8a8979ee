"""Protest detection, round 4: crowds of protesters with no nationality as the source of the protest they make,
protest forms and the vetoes that blocked them, and protests that are mentioned rather than reported.

Every sentence here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coding.conftest import Coded

DATE = "2008-05-01"

# a crowd the sentence introduces (indefinite, or counted) protests, though it has no country of its own
NEW_CROWDS = [
    "وتجمع مئات المتظاهرين أمام مبنى البلدية وسط المدينة، مطالبين المجلس بالتراجع عن قرار هدم السوق القديمة.",
    "ووقعت اشتباكات عندما احتشد متظاهرون أمام المحكمة، وبدأوا في رمي الزجاجات على رجال الشرطة.",
    "واحتشد عشرات المحتجين أمام مقر الشركة مطالبين بصرف رواتبهم المتأخرة.",
]


@pytest.mark.parametrize("text", NEW_CROWDS)
def test_a_new_crowd_is_the_source_of_its_protest(code_text: Callable[..., Coded], text: str) -> None:
    """A protest whose only party is the crowd it introduces is coded (the crowd is its source)."""
    got = code_text(text, date=DATE)
    protests = got.find("14")
    assert protests, got.why()
    assert any(e.source is not None and "protesters" in (e.source.name_en or "") for e in protests), got.why()


# the protest form takes in the head of its subject ("نزل آلاف" of "نزل آلاف الأشخاص")
SWALLOWED = [
    "وفي العاصمة نزل آلاف الأشخاص (30 ألفا حسب المنظمين) إلى الشوارع للاحتجاج على رفع أسعار الخبز.",
    "وخرج آلاف الطلاب إلى الشوارع أمس احتجاجا على إغلاق الجامعة.",
]


@pytest.mark.parametrize("text", SWALLOWED)
def test_the_subject_inside_a_protest_form(code_text: Callable[..., Coded], text: str) -> None:
    """The people whose count the trigger form ends with are the protest's source, not the crowd of another
    clause or no one."""
    got = code_text(text, date=DATE)
    protests = got.find("14")
    assert protests, got.why()
    assert all(e.source is not None and "protesters" not in (e.source.name_en or "") for e in protests), got.why()


# the definite plural alone resumes protesters already reported: the sentence describes that protest
RESUMED_CROWDS = [
    "وهتف المتظاهرون «لا للغلاء».",
    # nor does the state its slogans name lend it a source's confidence
    "وسار المتظاهرون وهم يحملون نعوشا رمزية ويرفعون صور الرئيس المصري السابق، في الشوارع ورددوا هتافات معادية "
    "للولايات المتحدة وإسرائيل.",
    "وسار المتظاهرون وهم يرفعون صور الرئيس العراقي الراحل، في بغداد ورددوا هتافات معادية لإيران والولايات المتحدة.",
]


@pytest.mark.parametrize("text", RESUMED_CROWDS)
def test_a_resumed_crowd_alone_reports_no_protest(code_text: Callable[..., Coded], text: str) -> None:
    """"وهتف المتظاهرون ..." with nothing else says what a protest already reported did."""
    got = code_text(text, date=DATE)
    assert not got.find("14"), got.why()
