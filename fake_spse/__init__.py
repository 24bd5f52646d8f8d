"""A fake SPSE 4.3: the LPSE's pages, rules and storage, and the external systems it uses."""
