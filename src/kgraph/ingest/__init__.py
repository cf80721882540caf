"""Reading acts as users get them: formats converted to plain text."""
