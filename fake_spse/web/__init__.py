"""SPSE's pages and JSON routes (Starlette): thin handlers over the service layer."""
