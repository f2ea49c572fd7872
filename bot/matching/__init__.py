"""Question understanding: normalization and scoring. Knows nothing of Telegram."""
