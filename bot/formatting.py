"""Numbers, money and dates as users in Mexico read them (es_MX), whatever the interface language.

Babel's CLDR data has no locale for the indigenous languages the bot speaks, so every language formats
with es_MX on purpose.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "es_MX"


def money(amount: float) -> str:
    """$4,500.00"""
    return str(format_currency(round(amount, 2), "MXN", locale=LOCALE))


def number(value: float, decimals: int = 2) -> str:
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=LOCALE))


def date_long(day: dt.date) -> str:
    """1 de enero de 2026"""
    return str(format_date(day, format="long", locale=LOCALE))
