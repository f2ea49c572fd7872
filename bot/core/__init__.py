"""The conversation core: decides everything the bot says. Never imports telegram."""
