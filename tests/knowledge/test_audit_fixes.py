"""The December 2026 content audit's findings on answer text stay fixed (numbers are the audit's, #1-#32).

Each test reads the answer as the bot shows it (placeholders filled on a fixed date) and fails on the text
the audit found harmful or misleading.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

import pytest

from bot.core.answers import is_official
from bot.core.conversation import Conversation
from bot.knowledge.loader import load_knowledge
from bot.knowledge.render import render
from bot.matching.matcher import Band
from bot.matching.normalize import fold

KB, _ = load_knowledge()
DAY = dt.date(2026, 12, 4)


def answer(entry_id: str) -> str:
    return render(KB, KB.entries[entry_id].answer, DAY)


def first_sentence(entry_id: str) -> str:
    return re.split(r"(?<=[.!?])\s|\n", answer(entry_id).strip(), maxsplit=1)[0]


@pytest.mark.parametrize("entry_id", ["renuncia", "hogar-renuncia"])
def test_leaving_over_the_employers_fault_comes_first_with_its_deadline(entry_id: str) -> None:
    # 10: LFT 51-52 (indemnity when leaving for abuse or unpaid wages), LFT 517 fr. II (one month).
    first = fold(first_sentence(entry_id))
    assert "indemnizacion" in first and "maltrato" in first and "no te pagaban" in first
    assert "1 mes" in first and "procuraduria" in first
    assert "no te toca indemnizacion" not in first
    assert "LFT 517 fr. II" in KB.entries[entry_id].legal_basis


def test_the_seniority_premium_is_for_fixed_work_live_in_or_not() -> None:
    # 11: "de planta" means permanent in LFT 162 but "live-in" to a domestic worker.
    text = answer("prima-antiguedad")
    assert "de planta" not in text
    assert "no por temporada" in text and "vivas o no en la casa" in text


def test_the_seniority_premium_names_the_border_minimum_and_the_open_question() -> None:
    # 15: LFT 486 caps at twice the minimum of the geographic area; the domestic floor is not verified.
    border = render(KB, "{param:salario_minimo_frontera}", DAY)
    assert border in answer("prima-antiguedad")
    for entry_id in ("prima-antiguedad", "hogar-despido"):
        assert "mínimo" in (KB.entries[entry_id].not_verified or "")


def test_funeral_aid_states_no_unconfirmed_amount() -> None:
    # 7: LSS 104 says two months of minimum wage; whether the IMSS pays it in UMA is only in the press.
    text = answer("gastos-funeral")
    assert "$" not in text and "no tenemos confirmado" in text
    assert "2 meses de salario mínimo general." not in text
    caveat = KB.entries["gastos-funeral"].not_verified or ""
    assert "UMA" in caveat and "no lo confirmamos" in caveat


def test_cesantia_needs_being_without_paid_work() -> None:
    # 9: LSS 154, "quede privado de trabajos remunerados".
    assert "cesantía, cuando ya no tengas trabajo con salario" in answer("pension-semanas")


@pytest.mark.parametrize("entry_id", ["embarazo-despido", "discriminacion"])
def test_pregnancy_and_discrimination_skip_conciliation_and_add_the_premium(entry_id: str) -> None:
    # 17: LFT 685 Ter fr. I exempts these from conciliation; LFT 162 fr. III pays the premium on dismissal.
    text = answer(entry_id)
    assert "el primer paso es el Centro de Conciliación" not in text
    assert "conciliación" in text and (
        "sin conciliación" in text or "No tienes que pasar por conciliación" in text
    )
    assert "prima de antigüedad" in text
    assert {"LFT 685 Ter fr. I", "LFT 162 fr. III"} <= set(KB.entries[entry_id].legal_basis)


def test_food_and_room_never_lower_the_cash_wage() -> None:
    # 16: LFT 90 and 97 (minimum in cash, no deduction) against LFT 334 (valued for the law's purposes).
    text = answer("hogar-alimentos-habitacion")
    assert "son parte de tu pago" not in text
    assert "nunca baja tu sueldo" in text


def test_domestic_dismissal_in_the_first_30_days_is_flagged_as_unclear() -> None:
    # 4: LFT 343 lets the employer end the job in the first 30 days; whether the indemnity is owed is unclear.
    text = answer("hogar-despido")
    assert "primeros 30 días" in text and "no es clara" in text and "Procuraduría" in text


def test_weekly_pay_for_domestic_work_is_given_as_the_specialists_reading() -> None:
    # 20: LFT 88 is law; that domestic work is "trabajo material" is only a secondary source.
    assert "especialistas" in first_sentence("hogar-forma-de-pago")


def test_the_domestic_minimum_is_higher_only_outside_the_border_zone() -> None:
    # 18: in the ZLFN the domestic minimum equals the general one there.
    text = answer("salario-minimo")
    assert "Si trabajas en una casa, tu mínimo es más alto" not in text
    assert "fuera de la frontera norte tu mínimo es más alto" in text


def test_profedet_skips_conciliation_only_for_the_pensions_the_law_lists() -> None:
    # 19: LFT 685 Ter fr. III lists invalidez and vida, not retirement or old age.
    text = answer("ayuda-profedet")
    assert "guardería, pensión)" not in text
    assert "pensión de invalidez, viudez u orfandad" in text


@pytest.mark.parametrize("entry_id", ["campo-agroquimicos", "campo-peligro", "urgente-intoxicacion"])
def test_safety_inspection_is_named_as_federal_without_an_invented_contact(entry_id: str) -> None:
    # 21: LFT 527 and 527-A; the fact sheet has no verified STPS inspection contact.
    text = answer(entry_id)
    assert "STPS" in text and "federal" in text
    assert "LFT 527" in KB.entries[entry_id].legal_basis


@pytest.mark.parametrize("entry_id", ["maternidad-licencia", "maternidad-subsidio-imss"])
def test_moving_leave_weeks_weighs_the_work(entry_id: str) -> None:
    # 28: LFT 170 fr. II, LSS 102 Bis: "tomando en cuenta la opinión del patrón y la naturaleza del trabajo"
    assert "decide según tu trabajo y la opinión de tu patrón" in answer(entry_id)


def test_parents_are_covered_when_they_live_with_her() -> None:
    # 29: LSS 84 fr. VIII.
    assert "papá y mamá si viven contigo y dependen de ti" in answer("imss-hogar-cobertura")


@pytest.mark.parametrize(
    "entry_id",
    ["pension-adultos-mayores", "pension-mujeres-bienestar", "cuidados-cdmx", "pension-ley73", "ceci"],
)
def test_no_bare_official_root_stands_in_for_a_press_source(entry_id: str) -> None:
    # 30: "https://www.gob.mx" shown as "Fuente oficial" supported nothing the answer says.
    entry = KB.entries[entry_id]
    for source in entry.sources:
        parsed = urlparse(source.url)
        bare = parsed.path in ("", "/") and not parsed.query
        assert not (bare and is_official(source.url)), source.url
        if bare:  # a newspaper's front page: the caveat says it is the press
            assert "prensa" in (entry.not_verified or "") or "según" in " ".join(entry.legal_basis)


def test_the_employer_card_is_short() -> None:
    # 31.
    assert len(answer("tarjeta-empleador")) <= 700


@pytest.mark.parametrize(
    "entry_id",
    [
        "salario-minimo",
        "hogar-salario-minimo",
        "campo-salario-minimo",
        "prima-antiguedad",
        "tarjeta-empleador",
        "pension-adultos-mayores",
        "pension-mujeres-bienestar",
    ],
)
def test_yearly_amounts_are_never_dated_by_hand(entry_id: str) -> None:
    # Audit (a): from 2027 a year typed next to an amount would be wrong; the date comes from {desde:...}.
    raw = KB.entries[entry_id].answer
    assert "{param:" in raw
    assert not re.search(r"\{param:[a-z0-9_]+\}[^.\n]{0,40}\b20\d\d\b", raw)


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("a donde voy si mi patrona me corrio", {"ayuda-conciliacion-estatal", "hogar-despido"}),
        (
            "donde denuncio si el patron del rancho no me paga",
            {"ayuda-procuraduria", "ayuda-conciliacion-estatal"},
        ),
        ("trabajo de planta en una casa, si me corren cuanto me tienen que dar", {"hogar-despido"}),
    ],
)
def test_disputes_go_to_the_state_bodies_not_the_cdmx_centre(
    conversation: Conversation, question: str, wanted: set[str]
) -> None:
    # 12: the audit's questions; the CDMX centre fits only people working in the CDMX.
    result = conversation.matcher.match(question)
    assert result.band is not Band.UNKNOWN
    assert result.candidates[0].entry_id in wanted
    assert "ayuda-cdmx" not in {c.entry_id for c in result.candidates}
