"""Running the bot as a service: health and metrics over HTTP, JSON logs, backups, the run lock."""
