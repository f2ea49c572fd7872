"""Eligibility rules and calculators: pure functions over dated parameters. Know nothing of Telegram."""
