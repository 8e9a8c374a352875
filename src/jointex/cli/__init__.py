"""The `jointex` command: parses arguments, calls service/, prints with Rich."""
