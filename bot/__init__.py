"""Cerrando Brechas: a Telegram assistant on labor rights, IMSS and care services in Mexico."""

__version__ = "0.1.0"
