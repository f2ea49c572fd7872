"""Guided checks and calculators, declared as data and run by the core's flow engine."""

from __future__ import annotations

from bot.core.flows import Flow

FLOWS: dict[str, Flow] = {}
