"""Who must register with the IMSS: LSS 12 fr. IV, 239-A to 239-F, LFT 337 fr. IV; LSS 237 for farms."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.model import KnowledgeBase
from bot.rules.common import Work
from bot.rules.imss import FarmMode, HomeMode, ImssCase, Registration, imss
from bot.rules.result import Verdict
from tests.rules.helpers import citations, text

TODAY = dt.date(2026, 11, 22)
MANDATORY = dt.date(2023, 5, 16)


def test_domestic_work_must_be_registered_since_the_first_day(kb: KnowledgeBase) -> None:
    result = imss(
        ImssCase(
            Work.HOME,
            Registration.NO,
            HomeMode.SINGLE,
            start=dt.date(2024, 3, 1),
            home_mandatory_since=MANDATORY,
        ),
        kb,
        TODAY,
    )
    assert result.verdict is Verdict.YES
    assert {"LSS 12 fr. IV", "LFT 337 fr. IV", "LSS 239-C fr. I", "LSS 11"} <= set(citations(result))
    assert "1 de marzo de 2024" in text(result)
    assert "http://www.imss.gob.mx/denuncia" in text(result) and "800 623 2323 (opción 0)" in text(result)


def test_before_the_imss_made_it_compulsory_the_date_is_16_may_2023(kb: KnowledgeBase) -> None:
    case = ImssCase(
        Work.HOME,
        Registration.NO,
        HomeMode.LIVE_IN,
        start=dt.date(2015, 1, 5),
        home_mandatory_since=MANDATORY,
    )
    assert "16 de mayo de 2023" in text(imss(case, kb, TODAY))


def test_several_employers_each_register(kb: KnowledgeBase) -> None:
    result = imss(ImssCase(Work.HOME, Registration.UNKNOWN, HomeMode.SEVERAL), kb, TODAY)
    assert "LSS 239-A fr. III" in citations(result)


def test_occasional_work_is_voluntary(kb: KnowledgeBase) -> None:
    result = imss(ImssCase(Work.HOME, Registration.UNKNOWN, HomeMode.OCCASIONAL), kb, TODAY)
    assert result.verdict is Verdict.NO
    assert {"LSS 239-B fr. I", "LSS 239-F"} <= set(citations(result))
    assert "un día a la semana" in text(result)


def test_the_pase_trap(kb: KnowledgeBase) -> None:
    result = imss(ImssCase(Work.HOME, Registration.PASS, HomeMode.SINGLE), kb, TODAY)
    assert "un pase" in text(result).lower() and result.related_entry == "imss-hogar-pase"


def test_temporary_farm_work_too(kb: KnowledgeBase) -> None:
    result = imss(ImssCase(Work.FARM, Registration.NO, farm_mode=FarmMode.TEMPORARY), kb, TODAY)
    assert result.verdict is Verdict.YES
    assert {"LSS 237", "LSS 237-B fr. II", "LFT 280"} <= set(citations(result))
    assert "(opción 0)" not in text(result)


@pytest.mark.parametrize("registration", list(Registration))
def test_farm_work_asks_for_the_constancia_not_the_domestic_form(
    kb: KnowledgeBase, registration: Registration
) -> None:
    # Audit #27: the "formato de incorporación" is the domestic-work (PTH) scheme's; the farm employer
    # issues a "constancia de los días laborados y de salarios" (LSS 237-B fr. III).
    result = imss(ImssCase(Work.FARM, registration, farm_mode=FarmMode.TEMPORARY), kb, TODAY)
    assert "formato de incorporación" not in text(result)
    assert "constancia de días laborados y de salarios" in text(result)
    assert "LSS 237-B fr. III" in citations(result)


def test_farm_deadlines_come_from_the_parameters(kb: KnowledgeBase) -> None:
    result = imss(ImssCase(Work.FARM, Registration.NO, farm_mode=FarmMode.TEMPORARY), kb, TODAY)
    assert "máximo 7 días hábiles" in text(result) and "más de 27 semanas" in text(result)
    assert "máximo 5 días hábiles" in text(imss(ImssCase(Work.OTHER, Registration.NO), kb, TODAY))
