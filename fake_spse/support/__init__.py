"""LPSE Support: tickets, their store, pages, control API, and the e-mail fallback."""
