"""Understanding a whole message: the problems a story tells, the most serious first, who tells it, and
whether someone is in danger now. Pure: no channel, no storage."""

from bot.understanding.engine import Finding, Understander, Understanding

__all__ = ["Finding", "Understander", "Understanding"]
