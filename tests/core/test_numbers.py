"""Everyday numbers, money, durations and dates as people type them: a table of real-looking inputs."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core import numbers
from bot.core.numbers import DAY, FORTNIGHT, MONTH, WEEK, Duration, NotUnderstood

TODAY = dt.date(2026, 11, 22)
D = dt.date

# input -> (value, period)
AMOUNTS: list[tuple[str, float, str | None]] = [
    ("300", 300, None),
    ("$300", 300, None),
    ("$ 300", 300, None),
    ("300 pesos", 300, None),
    ("300 varos", 300, None),
    ("300 pesitos", 300, None),
    ("500 mxn", 500, None),
    ("300 pesos mexicanos", 300, None),
    ("$4,500.00", 4500, None),
    ("4500 pesos", 4500, None),
    ("4 500", 4500, None),
    ("300,50", 300.5, None),
    ("315.04", 315.04, None),
    ("300.00", 300, None),
    ("300,00", 300, None),
    ("1.500", 1500, None),
    ("2.500", 2500, None),
    ("12.500", 12500, None),
    ("3.200", 3200, None),
    ("1.500,50", 1500.5, None),
    ("$1,000.50", 1000.5, None),
    ("1,000", 1000, None),
    ("1 000", 1000, None),
    ("$ 3 000", 3000, None),
    ("3 000 pesos", 3000, None),
    ("$2,500.00", 2500, None),
    ("tres mil", 3000, None),
    ("2 mil", 2000, None),
    ("3mil", 3000, None),
    ("tresmil", 3000, None),
    ("dosmil", 2000, None),
    ("milquinientos", 1500, None),
    ("mil", 1000, None),
    ("mil pesos", 1000, None),
    ("mil quinientos", 1500, None),
    ("mil 500", 1500, None),
    ("2 mil 500", 2500, None),
    ("3 mil 200", 3200, None),
    ("dos mil quinientos", 2500, None),
    ("dos mil 500", 2500, None),
    ("mil quinientos cincuenta", 1550, None),
    ("doscientos cincuenta", 250, None),
    ("dosientos", 200, None),
    ("ciento cincuenta", 150, None),
    ("cien", 100, None),
    ("setecientos", 700, None),
    ("novecientos noventa y nueve", 999, None),
    ("treinta y cinco mil", 35000, None),
    ("veinte mil", 20000, None),
    ("quinientos mil", 500000, None),
    ("un millón", 1_000_000, None),
    ("1 millon", 1_000_000, None),
    ("dos millones", 2_000_000, None),
    ("dos millones trescientos mil", 2_300_000, None),
    ("1.5 millones", 1_500_000, None),
    ("10k", 10000, None),
    ("10 mil", 10000, None),
    ("quinientos pesos", 500, None),
    ("como 300", 300, None),
    ("unos 300", 300, None),
    ("300 mas o menos", 300, None),
    ("300 aprox", 300, None),
    ("me pagan 300", 300, None),
    ("sueldo de 9000", 9000, None),
    ("2000", 2000, None),  # a weekly pay, not a year: only this year and its neighbours read as years
    ("2026 pesos", 2026, None),
    ("$2026", 2026, None),
    ("0", 0, None),
    ("4,5", 4.5, None),
    # with the period
    ("10 mil al mes", 10000, MONTH),
    ("1,500 a la semana", 1500, WEEK),
    ("300 diarios", 300, DAY),
    ("300 x dia", 300, DAY),
    ("300 x día", 300, DAY),
    ("300 por día", 300, DAY),
    ("300 al día", 300, DAY),
    ("$350/dia", 350, DAY),
    ("350 diario", 350, DAY),
    ("350 diaria", 350, DAY),
    ("350 el dia", 350, DAY),
    ("350 por jornada", 350, DAY),
    ("trescientos al dia", 300, DAY),
    ("tresientos al dia", 300, DAY),
    ("seiscientos al día", 600, DAY),
    ("cien pesos diarios", 100, DAY),
    ("300 diarios limpios", 300, DAY),
    ("gano 300 al dia", 300, DAY),
    ("2000 semanal", 2000, WEEK),
    ("2000 semanales", 2000, WEEK),
    ("2000 por semana", 2000, WEEK),
    ("2000 x semana", 2000, WEEK),
    ("1500 la semana", 1500, WEEK),
    ("quinientos a la semana", 500, WEEK),
    ("4,000 quincenal", 4000, FORTNIGHT),
    ("4000 cada quincena", 4000, FORTNIGHT),
    ("3500 cada 15 dias", 3500, FORTNIGHT),
    ("ocho mil quincenales", 8000, FORTNIGHT),
    ("2,500 a la quinsena", 2500, FORTNIGHT),
    ("$4,500.00 a la quincena", 4500, FORTNIGHT),
    ("9000 mensual", 9000, MONTH),
    ("9 mil al mes", 9000, MONTH),
    ("diez mil mensuales", 10000, MONTH),
    ("cinco mil pesos al mes", 5000, MONTH),
    ("cincomil al mes", 5000, MONTH),
]

# input -> the msgid of the re-ask
NOT_AMOUNTS: list[tuple[str, str]] = [
    ("", numbers.NOT_A_NUMBER),
    ("mucho", numbers.NOT_A_NUMBER),
    ("12abc", numbers.NOT_A_NUMBER),
    ("1,2,3", numbers.NOT_A_NUMBER),
    ("quincenal", numbers.NOT_A_NUMBER),
    ("a la semana", numbers.NOT_A_NUMBER),
    ("no se", numbers.NOT_A_NUMBER),
    ("15/03/2024", numbers.NOT_A_NUMBER),
    ("el 15 de marzo", numbers.NOT_A_NUMBER),
    ("-300", numbers.NEGATIVE),
    ("- 300", numbers.NEGATIVE),
    ("300 o 400", numbers.ONE_NUMBER),
    ("entre 300 y 400", numbers.ONE_NUMBER),
    ("300 pesos al dia y 5 dias", numbers.ONE_NUMBER),
    ("2026", numbers.A_YEAR),
    ("2025", numbers.A_YEAR),
    ("2027", numbers.A_YEAR),
    ("en 2026", numbers.A_YEAR),
    ("del 2025", numbers.A_YEAR),
    ("de 2019", numbers.A_YEAR),
]


@pytest.mark.parametrize(("raw", "value", "period"), AMOUNTS)
def test_amounts(raw: str, value: float, period: str | None) -> None:
    said = numbers.parse_amount(raw, TODAY)
    assert (said.value, said.period) == (pytest.approx(value), period)


@pytest.mark.parametrize(("raw", "message"), NOT_AMOUNTS)
def test_not_amounts(raw: str, message: str) -> None:
    with pytest.raises(NotUnderstood) as problem:
        numbers.parse_amount(raw, TODAY)
    assert problem.value.message == message


# input -> (day, estimated, note msgid or None)
DAYS: list[tuple[str, dt.date, str | None]] = [
    ("15/03/2024", D(2024, 3, 15), None),
    ("15-03-2024", D(2024, 3, 15), None),
    ("15.03.2024", D(2024, 3, 15), None),
    ("15-3-24", D(2024, 3, 15), None),
    ("1/9/20", D(2020, 9, 1), None),
    ("2024-03-15", D(2024, 3, 15), None),
    ("15 de marzo de 2024", D(2024, 3, 15), None),
    ("15 marzo 2024", D(2024, 3, 15), None),
    ("1 de Septiembre del 2020", D(2020, 9, 1), None),
    ("1 sep 2020", D(2020, 9, 1), None),
    ("el 1o de julio de 2026", D(2026, 7, 1), None),
    ("hoy", TODAY, None),
    ("ayer", D(2026, 11, 21), None),
    ("antier", D(2026, 11, 20), None),
    ("marzo 2024", D(2024, 3, 1), numbers.NOTE_MONTH),
    ("marzo del 2024", D(2024, 3, 1), numbers.NOTE_MONTH),
    ("mayo del 24", D(2024, 5, 1), numbers.NOTE_MONTH),
    ("en mayo", D(2026, 5, 1), numbers.NOTE_MONTH),
    ("desde marzo", D(2026, 3, 1), numbers.NOTE_MONTH),
    ("desde diciembre", D(2025, 12, 1), numbers.NOTE_MONTH),  # December has not come yet this year
    ("en noviembre", D(2026, 11, 1), numbers.NOTE_MONTH),
    ("agosto", D(2026, 8, 1), numbers.NOTE_MONTH),
    ("octubre pasado", D(2026, 10, 1), numbers.NOTE_MONTH),
    ("desde marzo del año pasado", D(2025, 3, 1), numbers.NOTE_MONTH),
    ("desde agosto del 2025", D(2025, 8, 1), numbers.NOTE_MONTH),
    ("en enero de este año", D(2026, 1, 1), numbers.NOTE_MONTH),
    ("a principios de marzo", D(2026, 3, 1), numbers.NOTE_MONTH),
    ("el mes pasado", D(2026, 10, 1), numbers.NOTE_MONTH),
    ("a finales de 2023", D(2023, 12, 1), numbers.NOTE_MONTH),
    ("en 2024", D(2024, 1, 1), numbers.NOTE_YEAR),
    ("desde 2020", D(2020, 1, 1), numbers.NOTE_YEAR),
    ("del 2025", D(2025, 1, 1), numbers.NOTE_YEAR),
    ("el año pasado", D(2025, 1, 1), numbers.NOTE_YEAR),
    ("el 15 de marzo", D(2026, 3, 15), numbers.NOTE_NO_YEAR),
    ("desde el 1 de julio", D(2026, 7, 1), numbers.NOTE_NO_YEAR),
    ("1ro de julio", D(2026, 7, 1), numbers.NOTE_NO_YEAR),
    ("15/03", D(2026, 3, 15), numbers.NOTE_NO_YEAR),
    ("el 24 de diciembre", D(2025, 12, 24), numbers.NOTE_NO_YEAR),
    ("hace 2 años", D(2024, 11, 22), numbers.NOTE_AGO),
    ("hace dos años", D(2024, 11, 22), numbers.NOTE_AGO),
    ("hace como 3 años", D(2023, 11, 22), numbers.NOTE_AGO),
    ("desde hace 4 años", D(2022, 11, 22), numbers.NOTE_AGO),
    ("hace 2 años y medio", D(2024, 5, 22), numbers.NOTE_AGO),
    ("2 años y medio", D(2024, 5, 22), numbers.NOTE_AGO),
    ("año y medio", D(2025, 5, 22), numbers.NOTE_AGO),
    ("hace año y medio", D(2025, 5, 22), numbers.NOTE_AGO),
    ("hace 1 año y 2 meses", D(2025, 9, 22), numbers.NOTE_AGO),
    ("6 meses", D(2026, 5, 22), numbers.NOTE_AGO),
    ("hace 6 meses", D(2026, 5, 22), numbers.NOTE_AGO),
    ("medio año", D(2026, 5, 22), numbers.NOTE_AGO),
    ("hace un mes", D(2026, 10, 22), numbers.NOTE_AGO),
    ("hace 3 semanas", D(2026, 11, 1), numbers.NOTE_AGO),
    ("hace 15 dias", D(2026, 11, 7), numbers.NOTE_AGO),
]

NOT_DAYS: list[tuple[str, str]] = [
    ("31/02/2024", numbers.NO_SUCH_DATE),
    ("32/01/2024", numbers.NO_SUCH_DATE),
    ("30 de febrero", numbers.NO_SUCH_DATE),
    ("mañana", numbers.NOT_A_DATE),
    ("nunca", numbers.NOT_A_DATE),
    ("no se", numbers.NOT_A_DATE),
    ("el lunes", numbers.NOT_A_DATE),
    ("300 pesos", numbers.NOT_A_DATE),
]


@pytest.mark.parametrize(("raw", "day", "note"), DAYS)
def test_days(raw: str, day: dt.date, note: str | None) -> None:
    said = numbers.parse_day(raw, TODAY)
    assert said.day == day and said.estimated == (note is not None)
    assert (said.note.msgid if said.note else None) == note
    if said.note is not None:
        assert said.note.params == {"date_day": day}


@pytest.mark.parametrize(("raw", "message"), NOT_DAYS)
def test_not_days(raw: str, message: str) -> None:
    with pytest.raises(NotUnderstood) as problem:
        numbers.parse_day(raw, TODAY)
    assert problem.value.message == message


def test_without_today_only_full_dates_are_read() -> None:
    assert numbers.parse_day("15/03/2024").day == D(2024, 3, 15)
    for relative in ("ayer", "en mayo", "hace 2 años", "2024"):
        with pytest.raises(NotUnderstood):
            numbers.parse_day(relative)


DURATIONS: list[tuple[str, Duration | None]] = [
    ("dos años", Duration(2)),
    ("2 años 3 meses", Duration(2, 3)),
    ("2 años y 4 meses", Duration(2, 4)),
    ("tres meses", Duration(0, 3)),
    ("hace 2 años", Duration(2)),
    ("una semana", Duration(days=7)),
    ("10 dias", Duration(days=10)),
    ("medio año", Duration(0, 6)),
    ("año y medio", Duration(1, 6)),
    ("un año y medio", Duration(1, 6)),
    ("2 años y medio", Duration(2, 6)),
    ("casi 3 años", Duration(3)),
    ("mucho tiempo", None),
    ("2", None),
    ("años", None),
]


@pytest.mark.parametrize(("raw", "duration"), DURATIONS)
def test_durations(raw: str, duration: Duration | None) -> None:
    assert numbers.parse_duration(raw) == duration


QUANTITIES: list[tuple[str, float, str | None]] = [
    ("3", 3, None),
    ("tres", 3, None),
    ("seis", 6, None),
    ("1,250", 1250, None),
    ("mil doscientas", 1200, None),
    ("dos y medio", 2.5, None),
    ("3 años", 3, "anios"),
    ("año y medio", 1.5, "anios"),
    ("2 años y medio", 2.5, "anios"),
    ("6 meses", 6, "meses"),
    ("800 semanas", 800, "semanas"),
    ("veinte dias", 20, "dias"),
]


@pytest.mark.parametrize(("raw", "value", "unit"), QUANTITIES)
def test_quantities(raw: str, value: float, unit: str | None) -> None:
    assert numbers.parse_quantity(raw) == numbers.Quantity(value, unit)


@pytest.mark.parametrize("raw", ["muchos", "5 o 6", "-2", "ninguno"])
def test_not_quantities(raw: str) -> None:
    with pytest.raises(NotUnderstood):
        numbers.parse_quantity(raw)


@pytest.mark.parametrize(
    ("raw", "unknown"),
    [
        ("no sé", True),
        ("No se", True),
        ("NO SE", True),
        ("nose", True),
        ("ni idea", True),
        ("no lo sé", True),
        ("no me acuerdo", True),
        ("no recuerdo", True),
        ("quién sabe", True),
        ("sepa", True),
        ("no", False),
        ("300", False),
        ("no se 300", False),
    ],
)
def test_i_do_not_know(raw: str, unknown: bool) -> None:
    assert numbers.is_unknown(raw) is unknown


# a story -> the pay in it (value, period), or None
STORIES: list[tuple[str, tuple[float, str | None] | None]] = [
    ("gano 10 mil al mes en una casa", (10000, MONTH)),
    ("me pagan $2,500 a la quincena", (2500, FORTNIGHT)),
    ("trabajo 5 dias a la semana y gano 300 diarios", (300, DAY)),
    ("gano 342.47 pesos por día", (342.47, DAY)),
    ("al mes me dan 9 mil", (9000, MONTH)),
    ("le pago 300 diarios a mi trabajadora", (300, DAY)),
    ("entre en 2020 y gano 2000 a la semana", (2000, WEEK)),
    ("tengo 3 hijos y me pagan 250 al dia", (250, DAY)),
    ("me pagan 2000", (2000, None)),
    ("me pagan 1200", (1200, None)),
    ("mi sueldo es de 9000 al mes", (9000, MONTH)),
    ("cobro mil quinientos a la semana", (1500, WEEK)),
    ("gano 3mil quincenal", (3000, FORTNIGHT)),
    ("¿Cuál es el salario mínimo para una trabajadora del hogar en 2026?", None),
    ("cuanto es el aguinaldo 2025", None),
    ("tengo 800 semanas", None),
    ("trabajo 6 dias", None),
    ("llevo 3 años con la misma familia", None),
    ("me corrieron el 15/03/2026", None),
    ("salario minimo 2026", None),
    ("sueldo de 2025", None),
    ("tengo 62 años", None),
]


@pytest.mark.parametrize(("text", "pay"), STORIES)
def test_pay_in_a_story(text: str, pay: tuple[float, str | None] | None) -> None:
    said = numbers.find_amount(text)
    assert (None if said is None else (pytest.approx(said.value), said.period)) == (
        None if pay is None else (pytest.approx(pay[0]), pay[1])
    )


def test_the_table_is_large() -> None:
    rows = AMOUNTS + NOT_AMOUNTS + DAYS + NOT_DAYS + DURATIONS + QUANTITIES + STORIES
    assert len(rows) >= 150
