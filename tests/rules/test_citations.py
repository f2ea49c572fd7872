"""Every article a result cites exists in the law text (when ../shared/law is present), and the texts fit
in one Telegram message."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from bot.core.replies import MAX_TEXT
from bot.core.result_text import render_result
from bot.knowledge.checker import CITATION_RE, LAW_DIR, article_index, citation_key
from bot.knowledge.model import KnowledgeBase
from bot.rules.aguinaldo import AguinaldoCase, aguinaldo
from bot.rules.common import Period, Wage, Work
from bot.rules.finiquito import Ending, FiniquitoCase, finiquito
from bot.rules.guarderia import Coverage, GuarderiaCase, guarderia
from bot.rules.imss import FarmMode, HomeMode, ImssCase, Registration, imss
from bot.rules.maternidad import Insured, MaternidadCase, maternidad
from bot.rules.pension import PensionCase, Regime, pension
from bot.rules.result import Result
from bot.rules.salario_minimo import Border, MinimoCase, salario_minimo
from bot.rules.vacaciones import VacacionesCase, vacaciones

TODAY = dt.date(2026, 11, 22)
D = dt.date


def many_results(kb: KnowledgeBase) -> list[Result]:
    wage = Wage(1000, Period.DAY, 3)
    results = [
        aguinaldo(AguinaldoCase(wage, 2026, first_day=D(2026, 3, 1)), kb, TODAY),
        aguinaldo(AguinaldoCase(Wage(300, Period.MONTH), 2026, work=Work.HOME), kb, TODAY),
        *(vacaciones(VacacionesCase(wage, y), kb, TODAY) for y in (0, 3, 40)),
        *(
            vacaciones(VacacionesCase(wage, start=s, last_day=D(2026, 6, 5)), kb, TODAY)
            for s in (D(2020, 1, 1), D(2026, 1, 1))
        ),
        *(
            finiquito(FiniquitoCase(w, e, wage, D(2010, 1, 1), D(2026, 8, 1), 0), kb, TODAY)
            for w, e in itertools.product(Work, Ending)
        ),
        *(maternidad(MaternidadCase(i, 31, wage), kb, TODAY) for i in Insured),
        maternidad(MaternidadCase(Insured.YES, 3), kb, TODAY),
        *(guarderia(GuarderiaCase(c, D(2025, 5, 1), w, TODAY), kb, TODAY) for c in Coverage for w in Work),
        *(pension(PensionCase(r, a, 900, True), kb, TODAY) for r in Regime for a in (40, 62, 70)),
        *(
            salario_minimo(MinimoCase(w, Wage(p, Period.WEEK, 5), b, TODAY), kb, TODAY)
            for w in Work
            for b in Border
            for p in (100, 2000, 5000)
        ),
        *(
            imss(ImssCase(Work.HOME, r, m, start=D(2020, 1, 1)), kb, TODAY)
            for r in Registration
            for m in HomeMode
        ),
        *(imss(ImssCase(w, Registration.PASS, farm_mode=FarmMode.TEMPORARY), kb, TODAY) for w in Work),
    ]
    return results


def test_cited_articles_exist_in_the_law(kb: KnowledgeBase) -> None:
    if not LAW_DIR.is_dir():
        pytest.skip("../shared/law is not present")
    laws = {law: article_index(LAW_DIR / f"{law}.md") for law in ("LFT", "LSS")}
    checked = 0
    for result in many_results(kb):
        for reason in result.reasons:
            match = CITATION_RE.match(reason.citation)
            if match is None:
                assert not re.match(r"^(LFT|LSS) \d", reason.citation), reason.citation
                continue
            assert citation_key(match) in laws[match["law"]], reason.citation
            checked += 1
    assert checked > 100


def test_every_result_fits_one_message_and_has_a_reason(kb: KnowledgeBase) -> None:
    for result in many_results(kb):
        rendered = render_result(result, str)
        assert len(rendered) <= MAX_TEXT, rendered[:200]
        assert result.reasons and all(r.citation for r in result.reasons)
        assert result.not_checked, rendered[:200]
