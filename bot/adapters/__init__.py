"""Thin adapters between a channel (Telegram, the terminal) and the conversation core."""
