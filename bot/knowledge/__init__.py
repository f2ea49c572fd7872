"""The knowledge base: loading, parameters by date, rendering and checking. Knows nothing of Telegram."""
